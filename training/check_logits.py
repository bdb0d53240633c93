"""Compares this module's next-token log-probabilities with the Swift decoder's
`entail logits --json` on the same text (the base model, no adapter, or with
--adapter applied on the Python side only when the Swift side also applies it).

usage: check_logits.py MODEL.gguf TEXT ENTAIL_BINARY
Prints the largest absolute difference of the top-5 log-probabilities and the argmax agreement.
"""
import json
import subprocess
import sys

import torch

from model import Llama

model_path, text, entail = sys.argv[1], sys.argv[2], sys.argv[3]
out = subprocess.run([entail, "logits", "--model", model_path, "--prompt", text, "--json"],
                     capture_output=True, text=True, check=True).stdout
rows = [json.loads(l) for l in out.splitlines() if l.strip()]
ids = torch.tensor([[r["token"] for r in rows]])
model = Llama(model_path)
with torch.no_grad():
    logp = torch.log_softmax(model(ids)[0].double(), -1)
worst, agree = 0.0, 0
for i, r in enumerate(rows):
    agree += int(logp[i].argmax().item() == r["argmax"])
    for tok, lp in r["top"]:
        worst = max(worst, abs(logp[i, tok].item() - lp))
print(f"positions {len(rows)}  argmax agree {agree}/{len(rows)}  max |dlogp| top-5 {worst:.4f}")
