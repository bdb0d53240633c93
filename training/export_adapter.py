"""Exports a peft LoRA on `Llama` to Entail's adapter format (GGUF v3):

metadata general.type="adapter", general.architecture="llama", adapter.type="lora",
adapter.lora.alpha (f32); per block N and base tensor in {attn_q, attn_k, attn_v,
attn_output, ffn_gate, ffn_up, ffn_down}: `blk.N.<base>.weight.lora_a` (numpy shape
(r, n_in), GGUF dims [n_in, r]) and `.lora_b` (numpy (n_out, r), GGUF dims [r, n_out]),
F16. The merged weight is W' = W + (alpha / r) * B @ A, in GGUF row order (the model
trains on GGUF-layout q/k rows, so no RoPE permutation is needed).
"""
import numpy as np
from gguf import GGUFWriter

from model import LINEAR_NAMES


def lora_pairs(model, n_layer):
    named = dict(model.named_modules())
    for i in range(n_layer):
        for m, g in LINEAR_NAMES.items():
            suffix = f"blocks.{i}.{m}"
            mod = next(v for k, v in named.items() if k.endswith(suffix) and hasattr(v, "lora_A"))
            a = mod.lora_A["default"].weight.detach().float().numpy()
            b = mod.lora_B["default"].weight.detach().float().numpy()
            yield f"blk.{i}.{g}.weight", a, b


def export_adapter(model, n_layer, rank, alpha, path):
    w = GGUFWriter(path, "llama")
    w.add_type("adapter")
    w.add_string("adapter.type", "lora")
    w.add_float32("adapter.lora.alpha", float(alpha))
    for name, a, b in lora_pairs(model, n_layer):
        assert a.shape[0] == rank and b.shape[1] == rank
        w.add_tensor(name + ".lora_a", np.ascontiguousarray(a.astype(np.float16)))
        w.add_tensor(name + ".lora_b", np.ascontiguousarray(b.astype(np.float16)))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
