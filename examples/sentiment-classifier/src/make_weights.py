"""Trains the classifier and its restaurant LoRA adapter with the standard library only, and writes
model/sentiment-linear.safetensors and adapters/restaurants-lora.safetensors.

Deterministic (fixed seeds, float64 arithmetic, float32 on output), so anyone can regenerate the
committed weights byte for byte without numpy (src/train.py trains the same way with numpy):
    python3 src/make_data.py && python3 src/make_weights.py
"""
import csv
import math
import pathlib
import random

from sentiment import BUCKETS, HPARAMS, LABELS, featurize, save_adapter, save_model, softmax

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL = ROOT / "model" / "sentiment-linear.safetensors"
ADAPTER = ROOT / "adapters" / "restaurants-lora.safetensors"


def load(path):
    with open(path, newline="", encoding="utf-8") as source:
        return [(featurize(r["text"]), LABELS.index(r["label"]), r["domain"]) for r in csv.DictReader(source)]


class Adam:
    def __init__(self, size, learning_rate, betas, epsilon):
        self.m = [0.0] * size
        self.v = [0.0] * size
        self.lr, (self.b1, self.b2), self.eps = learning_rate, betas, epsilon
        self.t = 0

    def step(self, params, grads):
        self.t += 1
        c1 = 1 - self.b1 ** self.t
        c2 = 1 - self.b2 ** self.t
        m, v, b1, b2 = self.m, self.v, self.b1, self.b2
        for i, g in enumerate(grads):
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            params[i] -= self.lr * (m[i] / c1) / (math.sqrt(v[i] / c2) + self.eps)


def batches(rows, size, rng):
    order = list(range(len(rows)))
    rng.shuffle(order)
    for start in range(0, len(order), size):
        yield [rows[i] for i in order[start : start + size]]


def train_base(rows):
    hp = HPARAMS["training"]
    opt = hp["optimizer"]
    n = len(LABELS)
    params = [0.0] * (n * BUCKETS + n)  # weights row-major, then bias
    adam = Adam(len(params), hp["learning_rate"], opt["betas"], opt["epsilon"])
    rng = random.Random(hp["seed"])
    l2 = hp["regularization"]["l2"]
    for _ in range(hp["epochs"]):
        for batch in batches(rows, hp["batch_size"], rng):
            grads = [0.0] * len(params)
            for x, y, _ in batch:
                g = error(logits_base(params, x), y)
                for r in range(n):
                    for i, value in x.items():
                        grads[r * BUCKETS + i] += g[r] * value
                    grads[n * BUCKETS + r] += g[r]
            scale = 1.0 / len(batch)
            for i in range(len(params)):
                grads[i] = grads[i] * scale + (l2 * params[i] if i < n * BUCKETS else 0.0)
            adam.step(params, grads)
    return params


def train_lora(base, rows):
    hp = HPARAMS["lora"]
    opt = HPARAMS["training"]["optimizer"]
    n, rank = len(LABELS), hp["rank"]
    scale = hp["alpha"] / rank
    rng = random.Random(hp["seed"])
    # A starts random and B at zero, so the adapted model starts equal to the base model.
    params = [rng.gauss(0.0, hp["init_std"]) for _ in range(rank * BUCKETS)] + [0.0] * (n * rank)
    b_at = rank * BUCKETS
    adam = Adam(len(params), hp["learning_rate"], opt["betas"], opt["epsilon"])
    for _ in range(hp["epochs"]):
        for batch in batches(rows, hp["batch_size"], rng):
            grads = [0.0] * len(params)
            for x, y, _ in batch:
                h = [sum(params[k * BUCKETS + i] * v for i, v in x.items()) for k in range(rank)]
                base_logits = logits_base(base, x)
                logits = [base_logits[o] + scale * sum(params[b_at + o * rank + k] * h[k] for k in range(rank))
                          for o in range(n)]
                g = error(logits, y)
                for o in range(n):
                    for k in range(rank):
                        grads[b_at + o * rank + k] += scale * g[o] * h[k]
                for k in range(rank):
                    u = scale * sum(params[b_at + o * rank + k] * g[o] for o in range(n))
                    for i, v in x.items():
                        grads[k * BUCKETS + i] += u * v
            grads = [gr / len(batch) for gr in grads]
            adam.step(params, grads)
    return params[:b_at], params[b_at:]


def logits_base(params, x):
    n = len(LABELS)
    return [params[n * BUCKETS + r] + sum(params[r * BUCKETS + i] * v for i, v in x.items()) for r in range(n)]


def error(logits, y):
    """Gradient of the cross-entropy loss with respect to the logits."""
    p = softmax(logits)
    p[y] -= 1.0
    return p


def merged(base, lora_a, lora_b):
    n, rank = len(LABELS), HPARAMS["lora"]["rank"]
    scale = HPARAMS["lora"]["alpha"] / rank
    out = list(base)
    for r in range(n):
        for k in range(rank):
            coef = scale * lora_b[r * rank + k]
            for i in range(BUCKETS):
                out[r * BUCKETS + i] += coef * lora_a[k * BUCKETS + i]
    return out


def scores(params, rows):
    """Accuracy and macro-averaged F1."""
    predicted = [max(range(len(LABELS)), key=logits_base(params, x).__getitem__) for x, _, _ in rows]
    actual = [y for _, y, _ in rows]
    accuracy = sum(p == a for p, a in zip(predicted, actual)) / len(rows)
    f1s = []
    for c in range(len(LABELS)):
        tp = sum(p == c and a == c for p, a in zip(predicted, actual))
        fp = sum(p == c and a != c for p, a in zip(predicted, actual))
        fn = sum(p != c and a == c for p, a in zip(predicted, actual))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(accuracy, 4), round(sum(f1s) / len(f1s), 4)


def main():
    train = load(ROOT / "data" / "train.csv")
    evaluation = load(ROOT / "data" / "eval.csv")
    domains = HPARAMS["training"]["domains"]
    adapt = HPARAMS["lora"]["domain"]

    base = train_base([r for r in train if r[2] in domains])
    lora_a, lora_b = train_lora(base, [r for r in train if r[2] == adapt])

    general = scores(base, [r for r in evaluation if r[2] in domains])
    before = scores(base, [r for r in evaluation if r[2] == adapt])
    after = scores(merged(base, lora_a, lora_b), [r for r in evaluation if r[2] == adapt])
    print(f"eval {'+'.join(domains)}: accuracy {general[0]}, macro F1 {general[1]}")
    print(f"eval {adapt}, base model: accuracy {before[0]}, macro F1 {before[1]}")
    print(f"eval {adapt}, with LoRA: accuracy {after[0]}, macro F1 {after[1]}")

    n = len(LABELS)
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    save_model(MODEL, base[: n * BUCKETS], base[n * BUCKETS :], general)
    ADAPTER.parent.mkdir(parents=True, exist_ok=True)
    save_adapter(ADAPTER, lora_a, lora_b, after)


if __name__ == "__main__":
    main()
