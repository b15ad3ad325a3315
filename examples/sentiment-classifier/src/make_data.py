"""Writes data/train.csv and data/eval.csv: short product and restaurant reviews with sentiment labels.

The rows are composed from phrase lists with a fixed seed, so the files are reproducible:
    python3 src/make_data.py
"""
import csv
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = 2024
TRAIN_PER_DOMAIN = 160
EVAL_PER_DOMAIN = 40

DOMAINS = {
    "electronics": {
        "items": ["headphones", "laptop", "phone charger", "keyboard", "monitor", "smartwatch",
                  "bluetooth speaker", "webcam", "router", "tablet", "mouse", "power bank"],
        "aspects": ["battery life", "sound quality", "build quality", "screen", "setup", "range",
                    "charging speed", "fit", "software", "connection"],
        "openers": ["Bought this {item} for my home office.", "Got the {item} as a gift.",
                    "Replaced my old {item} with this one.", "Been using this {item} for a month.",
                    "Ordered the {item} last week.", ""],
        "positive": ["The {aspect} is excellent.", "It works perfectly out of the box.",
                     "The {aspect} exceeded my expectations.", "Best {item} I have owned.",
                     "Great value for the price.", "Would definitely buy again.",
                     "Really happy with the {aspect}.", "Setup took two minutes and it just works.",
                     "The {aspect} is not bad at all, actually great."],
        "negative": ["The {aspect} is terrible.", "It stopped working after two weeks.",
                     "The {aspect} is a joke.", "Not worth the money.", "Returned it after a day.",
                     "Would not recommend this {item}.", "Very disappointed with the {aspect}.",
                     "It keeps disconnecting and support never answered.",
                     "The {aspect} is not good at all."],
        "neutral": ["The {aspect} is okay, nothing special.", "It does what it says.",
                    "Arrived on time, works as described.", "An average {item}.",
                    "It is fine for the price.", "Not bad but not great either.",
                    "The {aspect} is about what I expected."],
    },
    "books": {
        "items": ["novel", "biography", "cookbook", "thriller", "history book", "short story collection",
                  "fantasy series", "memoir", "textbook", "poetry collection"],
        "aspects": ["plot", "writing", "pacing", "ending", "main character", "translation", "research",
                    "cover art", "dialogue"],
        "openers": ["Read this {item} on holiday.", "Our book club picked this {item}.",
                    "Finished the {item} in two evenings.", "A friend recommended this {item}.",
                    "Listened to the audio version of this {item}.", ""],
        "positive": ["The {aspect} is brilliant.", "I could not put it down.",
                     "The {aspect} kept me hooked until the last page.", "One of the best books I read this year.",
                     "Beautifully written and moving.", "I will read everything this author writes.",
                     "The {aspect} is wonderful.", "Funny, clever and full of heart."],
        "negative": ["The {aspect} is dull.", "I gave up halfway through.",
                     "The {aspect} made no sense.", "A waste of time.", "Painfully slow and predictable.",
                     "I would not recommend this {item}.", "The {aspect} was a huge letdown.",
                     "Badly edited, full of typos."],
        "neutral": ["The {aspect} is decent.", "An easy read, nothing memorable.",
                    "Some chapters work, others drag.", "A solid but ordinary {item}.",
                    "It was fine for a long train ride.", "Not bad, not great.",
                    "The {aspect} is what you would expect."],
    },
    "restaurants": {
        "items": ["pizza place", "sushi bar", "bistro", "taco truck", "steakhouse", "cafe",
                  "ramen shop", "vegan kitchen", "brunch spot", "wine bar"],
        "aspects": ["pasta", "soup", "dessert", "coffee", "burger", "curry", "fish", "pizza", "salad",
                    "bread"],
        "openers": ["Had dinner at this {item} on Friday.", "Went to the {item} for a birthday.",
                    "Stopped by the {item} for lunch.", "Booked a table at the {item}.",
                    "Ordered takeaway from the {item}.", ""],
        "positive": ["The {aspect} was delicious.", "Friendly staff and a cozy atmosphere.",
                     "The {aspect} was fresh and perfectly seasoned.", "We will be back soon.",
                     "Worth every penny.", "Best meal we had in months.",
                     "The {aspect} was outstanding.", "The chef came out to say hello, lovely evening."],
        "negative": ["The {aspect} was bland.", "We waited forty minutes for cold food.",
                     "The waiter was rude and slow.", "Overpriced and underwhelming.",
                     "Found a hair in my soup.", "Never going back.",
                     "The {aspect} was greasy and stale.", "They got our order wrong twice."],
        "neutral": ["The {aspect} was fine.", "Decent food, nothing to write home about.",
                    "Average prices, average portions.", "It was busy but okay.",
                    "The {aspect} was neither good nor bad.", "A standard {item}.",
                    "Food was okay, service was okay."],
    },
}

# Share of rows whose label is replaced by another one, like the disagreement found between
# human annotators; without it the phrase lists make the task unrealistically clean.
LABEL_NOISE = 0.04


def review(rng, spec, label):
    item = rng.choice(spec["items"])
    aspect, other = rng.sample(spec["aspects"], 2)
    parts = [rng.choice(spec["openers"]).format(item=item)]
    if label == "neutral" and rng.random() < 0.3:
        # Mixed reviews read as neutral overall: one good and one bad remark.
        parts += [rng.choice(spec["positive"]).format(item=item, aspect=aspect),
                  "But " + lower_first(rng.choice(spec["negative"]).format(item=item, aspect=other))]
    else:
        phrases = rng.sample(spec[label], 2 if rng.random() < 0.6 else 1)
        parts += [p.format(item=item, aspect=aspect if i == 0 else other) for i, p in enumerate(phrases)]
    return " ".join(p for p in parts if p)


def lower_first(text):
    return text[0].lower() + text[1:]


def rows(rng, per_domain, seen):
    out = []
    for domain, spec in DOMAINS.items():
        made = 0
        while made < per_domain:
            label = rng.choices(["negative", "neutral", "positive"], weights=[0.35, 0.25, 0.40])[0]
            text = review(rng, spec, label)
            if text in seen:
                continue
            seen.add(text)
            if rng.random() < LABEL_NOISE:
                label = rng.choice([other for other in ("negative", "neutral", "positive") if other != label])
            out.append((text, label, domain))
            made += 1
    rng.shuffle(out)
    return out


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "text", "label", "domain"])
        for index, (text, label, domain) in enumerate(data, start=1):
            writer.writerow([index, text, label, domain])


def main():
    rng = random.Random(SEED)
    seen = set()
    write(ROOT / "data" / "train.csv", rows(rng, TRAIN_PER_DOMAIN, seen))
    write(ROOT / "data" / "eval.csv", rows(rng, EVAL_PER_DOMAIN, seen))


if __name__ == "__main__":
    main()
