"""Evaluates the base model or base + adapter (merged) on exported pairs (JSONL with
prompt_ids / completion_ids, e.g. the held-out FOLIO train stories train.py writes).

Reports the mean completion-token loss (teacher forced) and, for the first --greedy
pairs, unconstrained greedy decoding up to the first newline: exact-string matches
with the gold completion. No grammar mask here (the Swift decoder adds one).

usage: eval_adapter.py --pairs heldout.jsonl [--adapter fol-lora.gguf] [--greedy 20]
"""
import argparse
import json

import torch
import torch.nn.functional as F
from gguf import GGUFReader

from model import Llama


def byte_decoder():
    # GPT-2's reversible byte <-> printable character map, inverted.
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b); cs.append(256 + n); n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def token_bytes(model_path):
    r = GGUFReader(model_path)
    tokens = r.fields["tokenizer.ggml.tokens"].contents()
    dec = byte_decoder()
    return [bytes(dec.get(ch, 0) for ch in t) for t in tokens]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/SmolLM2-135M-Instruct.Q4_1.gguf")
    ap.add_argument("--adapter")
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--limit", type=int, default=40, help="pairs scored for the loss")
    ap.add_argument("--greedy", type=int, default=20, help="pairs decoded greedily")
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    pairs = [json.loads(l) for l in open(args.pairs) if l.strip()]
    model = Llama(args.model)
    if args.adapter:
        print(f"merged {model.merge_adapter(args.adapter)} LoRA tensors from {args.adapter}", flush=True)
    vocab = token_bytes(args.model)
    with torch.no_grad():
        total, count = 0.0, 0
        for e in pairs[:args.limit]:
            seq = e["prompt_ids"] + e["completion_ids"]
            h = model.hidden(torch.tensor([seq]))[0]
            p = len(e["prompt_ids"])
            logits = model.logits_of(h[p - 1:len(seq) - 1])
            total += F.cross_entropy(logits, torch.tensor(e["completion_ids"]), reduction="sum").item()
            count += len(e["completion_ids"])
        print(json.dumps({"pairs": min(len(pairs), args.limit), "completion_tokens": count,
                          "loss": round(total / max(count, 1), 4)}), flush=True)
        exact = 0
        for e in pairs[:args.greedy]:
            cache = []
            h = model.hidden(torch.tensor([e["prompt_ids"]]), cache)
            out = b""
            for _ in range(args.max_tokens):
                t = int(model.logits_of(h[0, -1]).argmax())
                piece = vocab[t]
                if piece.startswith(b"\n") or t in (0, 2):
                    break
                out += piece
                h = model.hidden(torch.tensor([[t]]), cache)
            text = out.decode("utf-8", "replace")
            gold = e["completion"].rstrip("\n")
            exact += int(text == gold)
            print(json.dumps({"source": e["source"], "gold": gold, "output": text, "exact": text == gold}), flush=True)
        print(json.dumps({"greedy_pairs": min(len(pairs), args.greedy), "exact": exact}), flush=True)


if __name__ == "__main__":
    main()
