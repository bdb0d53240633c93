"""Fine-tunes the bundled SmolLM2-135M (GGUF) with LoRA into an NL->FOL translator.

Data: JSONL from `entail training-pairs` (prompt_ids / completion_ids are the Swift
tokenizer's ids, so the prompt bytes and tokens are exactly the decoder's). The loss is
on completion tokens only; hidden states are sliced to those positions before the
49152-way output head. LoRA (peft) on every linear layer of every block. A wall-clock
budget bounds the run: the cosine schedule decays over the budget (by elapsed time), and
the adapter is exported every --checkpoint-every steps and at the end.
"""
import argparse
import json
import math
import os
import random
import shutil
import time

import numpy as np
import torch
import torch.nn.functional as F
from peft import LoraConfig, get_peft_model

from export_adapter import export_adapter
from model import LINEAR_NAMES, Llama


def story_of(source):
    # folio-train:story-12:3[:...] -> folio-train:story-12
    parts = source.split(":")
    return ":".join(parts[:2])


def batches(examples, batch_size, rng):
    order = list(range(len(examples)))
    rng.shuffle(order)
    groups = [order[i:i + batch_size * 16] for i in range(0, len(order), batch_size * 16)]
    out = []
    for g in groups:
        g.sort(key=lambda i: len(examples[i]["prompt_ids"]) + len(examples[i]["completion_ids"]))
        out += [g[i:i + batch_size] for i in range(0, len(g), batch_size)]
    rng.shuffle(out)
    return out


def loss_on(model, head, items):
    T = max(len(e["prompt_ids"]) + len(e["completion_ids"]) for e in items)
    ids = torch.zeros((len(items), T), dtype=torch.long)
    rows, cols, targets = [], [], []
    for b, e in enumerate(items):
        seq = e["prompt_ids"] + e["completion_ids"]
        ids[b, :len(seq)] = torch.tensor(seq)
        p = len(e["prompt_ids"])
        for j, t in enumerate(e["completion_ids"]):
            rows.append(b); cols.append(p - 1 + j); targets.append(t)
    h = model.hidden(ids)
    picked = h[torch.tensor(rows), torch.tensor(cols)]
    logits = head(picked)
    return F.cross_entropy(logits, torch.tensor(targets), reduction="sum"), len(targets)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model", default="models/SmolLM2-135M-Instruct.Q4_1.gguf")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--alpha", type=float, default=16.0)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--max-examples", type=int, default=0, help="0: all")
    ap.add_argument("--heldout-stories", type=float, default=0.05, help="fraction of FOLIO stories held out")
    ap.add_argument("--heldout-eval", type=int, default=48, help="held-out pairs scored at the end")
    ap.add_argument("--budget-minutes", type=float, default=60.0)
    ap.add_argument("--warmup", type=int, default=3, help="warm-up steps")
    ap.add_argument("--checkpoint-every", type=int, default=20)
    ap.add_argument("--threads", type=int, default=1,
                    help="1 is fastest on a loaded machine: two threads spin at barriers when one is descheduled")
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)

    examples = [json.loads(l) for l in open(args.data) if l.strip()]
    assert all(e["prompt_ids"] and e["completion_ids"] for e in examples), "pairs need token ids"
    folio_stories = sorted({story_of(e["source"]) for e in examples if e["source"].startswith("folio-train:")})
    held = set(random.Random(args.seed + 1).sample(folio_stories, max(1, int(len(folio_stories) * args.heldout_stories))))
    heldout = [e for e in examples if story_of(e["source"]) in held and e["source"].count(":") == 2]
    train = [e for e in examples if story_of(e["source"]) not in held]
    rng.shuffle(train)
    if args.max_examples:
        train = train[:args.max_examples]
    with open(os.path.join(args.out_dir, "heldout.jsonl"), "w") as f:
        for e in heldout:
            f.write(json.dumps(e) + "\n")
    print(json.dumps({"train_examples": len(train), "heldout_examples": len(heldout),
                      "heldout_stories": len(held), "train_tokens": sum(len(e["prompt_ids"]) + len(e["completion_ids"]) for e in train),
                      "completion_tokens": sum(len(e["completion_ids"]) for e in train)}), flush=True)

    t0 = time.time()
    base = Llama(args.model)
    print(f"loaded model in {time.time() - t0:.1f}s", flush=True)
    config = LoraConfig(r=args.rank, lora_alpha=args.alpha, lora_dropout=0.0, bias="none",
                        target_modules=list(LINEAR_NAMES))
    model = get_peft_model(base, config)
    model.print_trainable_parameters()
    head = base.logits_of
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)

    plan = []
    for _ in range(args.epochs):
        plan += batches(train, args.batch, rng)
    total = len(plan)
    warmup = min(args.warmup, total)

    def lr_at(step, elapsed):
        # Linear warm-up over the first steps, then a cosine decay to 10% over the
        # wall-clock budget (the run stops when the budget or the data runs out).
        if step < warmup:
            return args.lr * (step + 1) / warmup
        progress = min(1.0, elapsed / budget)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))

    def checkpoint(tag):
        path = os.path.join(args.out_dir, f"fol-lora-{tag}.gguf")
        export_adapter(model, base.n_layer, args.rank, args.alpha, path)
        shutil.copyfile(path, os.path.join(args.out_dir, "fol-lora-latest.gguf"))
        return path

    budget = args.budget_minutes * 60
    start = time.time()
    seen = 0
    for step, batch in enumerate(plan):
        if time.time() - start > budget:
            print(f"stopping at step {step} of {total} (wall-clock budget)", flush=True)
            break
        for g in opt.param_groups:
            g["lr"] = lr_at(step, time.time() - start)
        items = [train[i] for i in batch]
        loss_sum, n = loss_on(model, head, items)
        loss = loss_sum / n
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        seen += len(items)
        print(json.dumps({"step": step + 1, "examples": seen, "loss": round(loss.item(), 4),
                          "lr": round(opt.param_groups[0]["lr"], 6), "elapsed_s": round(time.time() - start, 1)}), flush=True)
        if (step + 1) % args.checkpoint_every == 0:
            p = checkpoint(f"step{step + 1}")
            print(f"checkpoint {p}", flush=True)
    elapsed = time.time() - start
    final = checkpoint("final")
    print(f"trained {seen} examples in {elapsed:.1f}s ({elapsed / max(seen, 1):.2f}s/example); adapter {final}", flush=True)

    model.eval()
    heldout = heldout[:args.heldout_eval]
    if not heldout:
        return
    with torch.no_grad():
        tot, cnt = 0.0, 0
        for i in range(0, len(heldout), args.batch):
            s, n = loss_on(model, head, heldout[i:i + args.batch])
            tot += s.item(); cnt += n
        with model.disable_adapter():
            btot, bcnt = 0.0, 0
            for i in range(0, len(heldout), args.batch):
                s, n = loss_on(model, head, heldout[i:i + args.batch])
                btot += s.item(); bcnt += n
    print(json.dumps({"heldout_loss_tuned": round(tot / max(cnt, 1), 4),
                      "heldout_loss_base": round(btot / max(bcnt, 1), 4), "heldout_tokens": cnt}), flush=True)


if __name__ == "__main__":
    main()
