#!/usr/bin/env python3
"""Plain Polish sentences from the structured sources of the shipped word vectors
(see assets/vectors/SOURCES.md), read from git at a fixed commit. Standard library only.

  corpus_text.py sejm GIT_DIR COMMIT      Sejm transcripts (hipisejm XML): the speeches'
                                          words, no speaker names or stage directions
  corpus_text.py cnxml GIT_DIR COMMIT     OpenStax book modules (CNXML): paragraphs, titles,
                                          list items, captions, glossary; no maths or code

Output: one sentence per line, whitespace collapsed, NFC, each sentence once, only
sentences of at least four words that read as Polish.
"""
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

MATHML = "{http://www.w3.org/1998/Math/MathML}"
# CNXML elements whose text is prose; elements inside them that are not prose are dropped.
PROSE = {"para", "title", "item", "caption", "term", "meaning", "quote", "entry"}
NOT_PROSE = {"metadata", "code", "media", "image", "newline", "link-text"}
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = set(
    "art ust pkt poz nr np tzw tj tzn ok godz r br ub dr prof hab inż mgr im ul al pl św gen "
    "płk mjr kpt ks bp abp wg zob por tys mln mld zł gr cm mm km kg str s t ps itd itp wsp "
    "jw ang łac niem franc ros przyp red wyd tłum oprac".split()
)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]?\s+(?=[„\"«(]?[A-ZĄĆĘŁŃÓŚŹŻ0-9])")
POLISH_WORDS = set(
    "i w na z się nie do to że jest o jak co od po przez dla oraz lub ale są być może tak "
    "jego jej ich który która które ze za czy tym tego przy już także aby jako tylko".split()
)
ENGLISH_WORDS = set("the of and to is in that for with are this you be on as by".split())
POLISH_LETTER = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
MIN_WORDS = 4


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def files(repo, commit, folder, suffix):
    names = git(repo, "ls-tree", "-r", "--name-only", commit, folder).decode().split("\n")
    return sorted(n for n in names if n.endswith(suffix))


def sejm(repo, commit):
    """Each speech's words as one paragraph (a heckle is its own paragraph)."""
    for name in files(repo, commit, "resources/parsed-data/sejm", ".xml"):
        root = ET.fromstring(git(repo, "show", f"{commit}:{name}"))
        for speech in root.iter("speech"):
            words = []
            for utt in speech.iter("utt"):
                kind, text = utt.get("t"), utt.text or ""
                if kind == "norm":
                    words.append(text)
                elif kind == "interrupt":
                    yield text
            yield " ".join(words)


def prose_text(el):
    """The text of `el` without maths, code, media or metadata inside it."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag
        if not (tag.startswith(MATHML) or local(tag) in NOT_PROSE):
            parts.append(prose_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def cnxml(repo, commit):
    """The innermost prose elements of every module (a list item holding paragraphs
    gives its paragraphs, not itself)."""
    for name in files(repo, commit, "modules", ".cnxml"):
        try:
            root = ET.fromstring(git(repo, "show", f"{commit}:{name}"))
        except ET.ParseError:
            continue
        for el in root.iter():
            if not isinstance(el.tag, str) or local(el.tag) not in PROSE:
                continue
            if any(local(d.tag) in ("para", "item", "list") for d in el.iter() if d is not el):
                continue
            yield prose_text(el)


def sentences(paragraph):
    paragraph = unicodedata.normalize("NFC", paragraph)
    paragraph = re.sub(r"[\u00ad\u200b\ufeff]", "", paragraph)
    paragraph = " ".join(paragraph.split())
    # Spaces left where maths was removed.
    paragraph = re.sub(r"\(\s*\)", "", paragraph)
    paragraph = re.sub(r" +([,.;:])", r"\1", paragraph)
    pending = ""
    for part in SENTENCE_END.split(paragraph):
        pending = f"{pending} {part}" if pending else part
        last = re.search(r"(\S+)\.$", pending)
        if last:
            word = last.group(1).lower().lstrip("(„\"")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or word.isdigit():
                continue
        yield pending
        pending = ""
    if pending:
        yield pending


def reads_as_polish(sentence):
    words = re.findall(r"\w+", sentence.lower())
    if len(words) < MIN_WORDS:
        return False
    letters = sum(c.isalpha() for c in sentence) / len(sentence)
    polish = sum(w in POLISH_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return letters >= 0.6 and english <= polish and (polish > 0 or POLISH_LETTER.search(sentence))


def main():
    sources = {"sejm": sejm, "cnxml": cnxml}
    if len(sys.argv) != 4 or sys.argv[1] not in sources:
        sys.exit(__doc__)
    seen = set()
    for paragraph in sources[sys.argv[1]](sys.argv[2], sys.argv[3]):
        for s in sentences(paragraph):
            if s not in seen and reads_as_polish(s):
                seen.add(s)
                print(s)


if __name__ == "__main__":
    main()
