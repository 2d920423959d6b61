#!/usr/bin/env python3
"""What a translator sees in OmegaT's glossary pane, per segment of the bundled French releases,
for the concept-oriented TBX v2 export (`--to tbx2`) and the OmegaT-shaped one (`--to omegat`).

Usage: benches/omegat_pane.sh (builds trame, exports both, runs this).
  omegat_pane.py GLOSSARY.csv SEGMENTS.jsonl NAME=FILE.tbx:DUMP.txt ...

For each TBX it counts, per segment, the OmegaT entries whose source term occurs in the segment
(case-insensitive, whole words, both apostrophes; OmegaT's own stemming would find a few more for
either file) and the pane lines they take: OmegaT 3.6 shows one entry per pair of a source and a
target term of a termEntry, each followed by a comment made of one line per entry-level
descrip/note and per termNote/note of the target terms (read from the TBX). Entries come from
`check-omegat-tbx --all` (OmegaT's own reader). It also checks, for every French acronym of the
glossary, that OmegaT's first suggestion (targets sorted by text, as OmegaT sorts them) is an
English acronym.
"""
import csv, json, re, sys
import xml.etree.ElementTree as ET

XML = '{http://www.w3.org/XML/1998/namespace}lang'


def norm(s):
    return s.replace('\u2019', "'").lower()


def comment_lines(tbx):
    """termEntry id -> (source terms, target count, comment lines)."""
    out = {}
    for e in ET.parse(tbx).getroot().iter('termEntry'):
        lines = sum(1 for c in e if c.tag in ('descrip', 'note'))
        src, tgt = [], 0
        for ls in e.findall('langSet'):
            lang = ls.get(XML, '')
            for tig in ls.findall('tig'):
                if lang.startswith('fr'):
                    src.append(tig.findtext('term'))
                else:
                    tgt += 1
                    lines += sum(1 for c in tig if c.tag in ('termNote', 'note'))
        out[e.get('id')] = (src, tgt, lines)
    return out


def dump_entries(path):
    """(source, target) pairs as OmegaT reads them."""
    pairs = []
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^  (.*)\t→ (.*?)\t', line)
        if m:
            pairs.append((m.group(1), m.group(2)))
    return pairs


def main():
    glossary, segments = sys.argv[1], sys.argv[2]
    segs = [norm(json.loads(l)['text']) for l in open(segments, encoding='utf-8') if l.strip()]
    acronyms = {}  # French acronym -> set of English acronyms of its concepts
    with open(glossary, encoding='utf-8-sig') as f:
        for row in csv.DictReader(f):
            fr = [t for t in row['fr_variants'].split(' | ') if t]
            en = [t for t in row['en_variants'].split(' | ') if t]
            en_acr = {re.sub(r'\s*\[.*\]$', '', t) for t in en if re.search(r'\[[^]]*acronym', t)}
            for t in fr:
                if re.search(r'\[[^]]*acronym', t) and not re.search(r'deprecated|obsolete', t):
                    acronyms.setdefault(re.sub(r'\s*\[.*\]$', '', t), set()).update(en_acr)
    print(f'{len(segs)} segments')
    for spec in sys.argv[3:]:
        name, files = spec.split('=', 1)
        tbx, dump = files.split(':')
        entries = comment_lines(tbx)
        pats = []
        for src, tgt, lines in entries.values():
            for s in src:
                p = re.compile(r'(?<!\w)' + re.escape(norm(s)) + r'(?!\w)')
                pats.append((p, tgt, tgt * (1 + lines)))
        total_entries = total_lines = 0
        worst = 0
        for seg in segs:
            e = l = 0
            for p, tgt, lines in pats:
                if p.search(seg):
                    e += tgt
                    l += lines
            total_entries += e
            total_lines += l
            worst = max(worst, l)
        pairs = dump_entries(dump)
        by_src = {}
        for s, t in pairs:
            by_src.setdefault(s, []).append(t)
        ok = bad = 0
        misses = []
        for a, en in sorted(acronyms.items()):
            if not en or a not in by_src:
                continue
            first = sorted(by_src[a])[0]
            if first in en:
                ok += 1
            else:
                bad += 1
                misses.append(f'{a} → {first}')
        n = len(segs)
        print(f'{name}: {len(pairs)} OmegaT entries for {len(entries)} termEntry; per segment '
              f'{total_entries / n:.1f} entries, {total_lines / n:.1f} pane lines (max {worst}); '
              f'acronyms whose first suggestion is the English acronym: {ok}/{ok + bad}')
        if misses:
            print('  first suggestion not an acronym: ' + ', '.join(misses[:8]) + (' …' if len(misses) > 8 else ''))


main()
