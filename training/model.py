"""A minimal llama decoder (SmolLM2 architecture) that runs on the bundled GGUF's weights.

Weights stay in llama.cpp's layout (attn_q / attn_k rows permuted for RoPE), so RoPE
rotates adjacent pairs (x[2i], x[2i+1]) as llama.cpp's "norm" rope does; a LoRA trained
here is therefore already in GGUF row order and is exported without any permutation.
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from gguf import GGUFReader
from gguf.quants import dequantize

LINEAR_NAMES = {  # module name here -> GGUF tensor name inside blk.N
    "attn_q": "attn_q", "attn_k": "attn_k", "attn_v": "attn_v", "attn_output": "attn_output",
    "ffn_gate": "ffn_gate", "ffn_up": "ffn_up", "ffn_down": "ffn_down",
}


def field(reader, key):
    f = reader.fields[key]
    return f.contents()


class Block(nn.Module):
    def __init__(self, d, n_head, n_kv, d_ff):
        super().__init__()
        hd = d // n_head
        self.n_head, self.n_kv, self.hd = n_head, n_kv, hd
        self.attn_norm = nn.Parameter(torch.ones(d), requires_grad=False)
        self.ffn_norm = nn.Parameter(torch.ones(d), requires_grad=False)
        self.attn_q = nn.Linear(d, n_head * hd, bias=False)
        self.attn_k = nn.Linear(d, n_kv * hd, bias=False)
        self.attn_v = nn.Linear(d, n_kv * hd, bias=False)
        self.attn_output = nn.Linear(n_head * hd, d, bias=False)
        self.ffn_gate = nn.Linear(d, d_ff, bias=False)
        self.ffn_up = nn.Linear(d, d_ff, bias=False)
        self.ffn_down = nn.Linear(d_ff, d, bias=False)


def rms_norm(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


class Llama(nn.Module):
    def __init__(self, path):
        super().__init__()
        r = GGUFReader(path)
        self.d = int(field(r, "llama.embedding_length"))
        self.n_layer = int(field(r, "llama.block_count"))
        n_head = int(field(r, "llama.attention.head_count"))
        n_kv = int(field(r, "llama.attention.head_count_kv"))
        d_ff = int(field(r, "llama.feed_forward_length"))
        self.eps = float(field(r, "llama.attention.layer_norm_rms_epsilon"))
        self.theta = float(field(r, "llama.rope.freq_base"))
        tensors = {t.name: t for t in r.tensors}

        def load(name):
            t = tensors[name]
            a = dequantize(t.data, t.tensor_type).astype(np.float32)
            return torch.from_numpy(a.reshape([int(x) for x in reversed(t.shape)]).copy())

        self.tok_embd = nn.Parameter(load("token_embd.weight"), requires_grad=False)
        self.output_norm = nn.Parameter(load("output_norm.weight"), requires_grad=False)
        self.output = (nn.Parameter(load("output.weight"), requires_grad=False)
                       if "output.weight" in tensors else None)
        self.blocks = nn.ModuleList()
        for i in range(self.n_layer):
            b = Block(self.d, n_head, n_kv, d_ff)
            b.attn_norm.data = load(f"blk.{i}.attn_norm.weight")
            b.ffn_norm.data = load(f"blk.{i}.ffn_norm.weight")
            for m, g in LINEAR_NAMES.items():
                getattr(b, m).weight = nn.Parameter(load(f"blk.{i}.{g}.weight"), requires_grad=False)
            self.blocks.append(b)
        hd = self.d // n_head
        inv = self.theta ** (-torch.arange(0, hd, 2, dtype=torch.float64) / hd)
        self.register_buffer("inv_freq", inv.float(), persistent=False)

    def rope(self, x, pos):
        # x: (B, H, T, hd); rotate adjacent pairs.
        ang = pos[:, None].float() * self.inv_freq[None, :]  # (T, hd/2)
        cos, sin = ang.cos(), ang.sin()
        x0, x1 = x[..., 0::2], x[..., 1::2]
        return torch.stack((x0 * cos - x1 * sin, x0 * sin + x1 * cos), dim=-1).flatten(-2)

    def hidden(self, ids, cache=None):
        """ids (B, T) -> final normed hidden states (B, T, d). Right padding only.

        cache: None, or a list (one entry per block, initially empty) that holds each
        block's keys and values; the new tokens then follow the cached ones.
        """
        B, T = ids.shape
        x = F.embedding(ids, self.tok_embd)
        past = 0
        if cache is not None and cache:
            past = cache[0][0].shape[2]
        pos = torch.arange(past, past + T)
        for i, b in enumerate(self.blocks):
            h = rms_norm(x, b.attn_norm, self.eps)
            q = b.attn_q(h).view(B, T, b.n_head, b.hd).transpose(1, 2)
            k = b.attn_k(h).view(B, T, b.n_kv, b.hd).transpose(1, 2)
            v = b.attn_v(h).view(B, T, b.n_kv, b.hd).transpose(1, 2)
            q, k = self.rope(q, pos), self.rope(k, pos)
            if cache is not None:
                if len(cache) > i:
                    k = torch.cat((cache[i][0], k), dim=2)
                    v = torch.cat((cache[i][1], v), dim=2)
                    cache[i] = (k, v)
                else:
                    cache.append((k, v))
            rep = b.n_head // b.n_kv
            k = k.repeat_interleave(rep, dim=1)
            v = v.repeat_interleave(rep, dim=1)
            if past == 0:
                a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            else:
                # New queries see every cached key and the new keys up to themselves.
                mask = torch.ones(T, past + T, dtype=torch.bool).tril(diagonal=past)
                a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            x = x + b.attn_output(a.transpose(1, 2).reshape(B, T, -1))
            h = rms_norm(x, b.ffn_norm, self.eps)
            x = x + b.ffn_down(F.silu(b.ffn_gate(h)) * b.ffn_up(h))
        return rms_norm(x, self.output_norm, self.eps)

    def merge_adapter(self, path):
        """Adds an adapter exported by export_adapter.py into the weights: W += (alpha/r) B A."""
        r = GGUFReader(path)
        assert field(r, "general.type") == "adapter" and field(r, "adapter.type") == "lora"
        alpha = float(field(r, "adapter.lora.alpha"))
        t = {x.name: x for x in r.tensors}
        names = {v: k for k, v in LINEAR_NAMES.items()}
        merged = 0
        for name in t:
            if not name.endswith(".lora_a"):
                continue
            base = name[:-len(".lora_a")]
            blk, i, g, _ = base.split(".")
            a = torch.from_numpy(np.array(t[name].data, dtype=np.float32))
            b = torch.from_numpy(np.array(t[base + ".lora_b"].data, dtype=np.float32))
            rank = a.shape[0]
            lin = getattr(self.blocks[int(i)], names[g])
            with torch.no_grad():
                lin.weight += (alpha / rank) * (b @ a)
            merged += 1
        return merged

    def logits_of(self, h):
        w = self.output if self.output is not None else self.tok_embd
        return h @ w.T

    def forward(self, ids):
        return self.logits_of(self.hidden(ids))
