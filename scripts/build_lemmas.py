"""Writes the Polish form -> base-form table used by topic labels.

Reads lowercase words with their counts (`uniq -c` lines) on standard input, looks each up in
Morfeusz 2 with its SGJP dictionary, takes the noun and adjective lemmas found
and writes every form of those lemmas with what the labels need (see
src/cluster/lemma.rs for the format). Run through scripts/build-lemmas.sh.

`build_lemmas.py titles` instead reads Pabulib .pb files (one after another) on
standard input and writes the `name` of every project, one a line.
"""

import csv
import sys

CASES = {"nom": "n", "gen": "g", "dat": "d", "acc": "a", "inst": "i", "loc": "l", "voc": "v"}
GENDERS = {"m1": "h", "m2": "z", "m3": "m", "f": "f", "n": "n"}
NOUN = {"subst", "depr", "ger"}
ADJ = {"adj", "pact", "ppas"}


def clean(lemma):
    return lemma.split(":")[0].lower()


class Builder:
    def __init__(self):
        import morfeusz2  # only in the environment build-lemmas.sh makes

        self.m = morfeusz2.Morfeusz(generate=True, expand_tags=False)
        self.paradigms = {}

    def generate(self, lemma):
        if lemma not in self.paradigms:
            try:
                self.paradigms[lemma] = self.m.generate(lemma)
            except RuntimeError:
                self.paradigms[lemma] = []
        return self.paradigms[lemma]

    def base(self, verb, pos, aspect):
        """Nominative singular of a gerund (neuter) or participle (masculine)."""
        for orth, _, tag, _, _ in self.generate(verb):
            t = tag.split(":")
            if t[0] != pos or t[1] != "sg" or "nom" not in t[2].split("."):
                continue
            if pos != "ger" and "m3" not in t[3].split("."):
                continue
            if set(aspect.split(".")) & set(t[-2].split(".")) and t[-1] == "aff":
                return orth.lower()
        return None

    def entries(self, orth, lemma, tag):
        """(form, kind, base, gender, slot) for one analysis, or None."""
        t = tag.split(":")
        pos = t[0]
        if pos not in NOUN and pos not in ADJ:
            return None
        if pos in ("ger", "pact", "ppas") and t[-1] != "aff":
            return None
        if pos == "adj" and t[-1] != "pos":
            return None
        number = "s" if t[1] == "sg" else "p"
        cases = "".join(CASES[c] for c in t[2].split(".") if c in CASES)
        genders = "".join(GENDERS[g] for g in t[3].split(".") if g in GENDERS)
        if pos in NOUN:
            if pos == "ger":
                base = self.base(lemma, "ger", t[4])
            else:
                base = clean(lemma)
            # A plural-only noun ("dane", "drzwi") agrees like a plural.
            gender = "p" if t[-1] == "pt" else genders[:1]
            return ("N", base, gender, number + cases)
        base = clean(lemma) if pos == "adj" else self.base(lemma, pos, t[4])
        return ("A", base, "", number + cases + "." + genders)


def diff(form, base):
    """`base` as letters to strip from the end of `form` and letters to add."""
    i = 0
    while i < min(len(form), len(base)) and form[i] == base[i]:
        i += 1
    return f"{len(form) - i}{base[i:]}"


def titles(lines, out):
    """The `name` column of the PROJECTS section of each .pb file in `lines`."""
    section, column = None, None
    for line in lines:
        line = line.rstrip("\r\n")
        if line in ("META", "PROJECTS", "VOTES"):
            section, column = line, None
            continue
        if section != "PROJECTS" or not line:
            continue
        row = next(csv.reader([line], delimiter=";"))
        if column is None:
            column = row.index("name") if "name" in row else -1
        elif 0 <= column < len(row):
            out.write(" ".join(row[column].split()) + "\n")


def main():
    if sys.argv[1:] == ["titles"]:
        titles(sys.stdin, sys.stdout)
        return
    b = Builder()
    # How often the input's words could be each lemma: of a form's readings, the
    # likelier lemma is listed first ("łodzi" is "łódź" before "łodzia").
    lemmas = {}
    counts = {}
    for line in sys.stdin:
        fields = line.split()
        if len(fields) != 2:
            continue
        count, word = int(fields[0]), fields[1]
        counts[word] = count
        for lemma in {a[2][1] for a in b.m.analyse(word)}:
            lemmas[lemma] = lemmas.get(lemma, 0) + count
    table = {}
    for lemma in sorted(lemmas):
        tag0 = {a[2] for a in b.generate(lemma)}
        if not any(t.split(":")[0] in NOUN or t.split(":")[0] in ADJ for t in tag0):
            continue
        for orth, lem, tag, _, _ in b.generate(lemma):
            form = orth.lower()
            if not form.isalpha() or len(form) < 2:
                continue
            e = b.entries(form, lem, tag)
            if e is None or e[1] is None:
                continue
            kind, base, gender, slot = e
            # Ties: the reading whose base form the texts use more ("dane" before
            # "dana"), then the one of which the form is the base form ("rodo").
            key = (
                -lemmas.get(lem, 0),
                -counts.get(base, 0),
                base != form,
                clean(lem),
                kind,
                diff(form, base),
                gender,
            )
            slots = table.setdefault(form, {}).setdefault(key, [])
            if slot not in slots:
                slots.append(slot)
    out = sys.stdout
    for form in sorted(table):
        parts = []
        for (_, _, _, _, kind, d, gender), slots in sorted(table[form].items()):
            parts.append(f"{kind}{d}/{gender}/{','.join(slots)}")
        out.write(form + "\t" + " ".join(parts) + "\n")
    sys.stderr.write(f"{len(table)} forms\n")


if __name__ == "__main__":
    main()
