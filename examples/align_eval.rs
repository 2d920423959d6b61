//! Evaluates `trame::align` on presegmented bitexts with gold alignments and prints strict and
//! lax precision / recall / F1 per document and pooled.
//!
//! Usage: `cargo run --release --example align_eval -- [--pooled-model] DIR...|NAME.fr:NAME.en:NAME.gold...`
//! A directory is read as the TransRead layout (`NAME.fr`, `NAME.en`, `NAME.gold`; data from
//! fyvo/TransReadAlignments, CC BY-SA 4.0, Xu & Yvon, LREC 2016). With `--pooled-model` Model 1
//! is trained on all documents together (collection mode), otherwise each document alone.

use std::path::Path;
use trame::align::{self, eval, AlignOptions};

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

/// Name, French sentences, English sentences, gold links.
type Item = (String, Vec<String>, Vec<String>, Vec<eval::Link>);

fn main() {
    let mut pooled_model = false;
    let mut one_pass = false;
    let mut lobo = false;
    let mut items: Vec<Item> = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--pooled-model" {
            pooled_model = true;
            continue;
        }
        if arg == "--lobo" {
            lobo = true;
            continue;
        }
        if arg == "--one-pass" {
            one_pass = true;
            continue;
        }
        let p = Path::new(&arg);
        if p.is_dir() {
            let mut names: Vec<String> = std::fs::read_dir(p)
                .expect("read dir")
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter_map(|n| n.strip_suffix(".gold").map(str::to_string))
                .collect();
            names.sort();
            for n in names {
                let fr = lines(&p.join(format!("{n}.fr")));
                let en = lines(&p.join(format!("{n}.en")));
                let g = p.join(format!("{n}.gold"));
                let gold = eval::read_links(
                    &g.display().to_string(),
                    &std::fs::read_to_string(&g).unwrap(),
                )
                .unwrap();
                items.push((n, fr, en, gold));
            }
        } else {
            let parts: Vec<&str> = arg.split(':').collect();
            assert_eq!(parts.len(), 3, "expected FR:EN:GOLD");
            let gold =
                eval::read_links(parts[2], &std::fs::read_to_string(parts[2]).unwrap()).unwrap();
            let name = Path::new(parts[0])
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .to_string();
            items.push((
                name,
                lines(Path::new(parts[0])),
                lines(Path::new(parts[1])),
                gold,
            ));
        }
    }
    let mut opts = AlignOptions {
        two_pass: !one_pass,
        ..Default::default()
    };
    if let Ok(v) = std::env::var("TRAME_ALIGN_PARAMS") {
        // Comma-separated overrides `name=value` for calibration runs.
        for kv in v.split(',') {
            let Some((k, x)) = kv.split_once('=') else {
                continue;
            };
            let x: f64 = x.parse().expect("number");
            match k {
                "lex" => opts.params.lexical_weight = x,
                "len" => opts.params.length_weight = x,
                "lambda" => opts.params.lambda = x,
                "cap" => opts.params.word_cap = x,
                "ratio" => opts.length.ratio = x,
                "var" => opts.length.variance = x,
                "p10" => {
                    opts.params.prior[1] = x;
                    opts.params.prior[2] = x;
                }
                "p21" => {
                    opts.params.prior[3] = x;
                    opts.params.prior[4] = x;
                }
                "p22" => opts.params.prior[5] = x,
                "p31" => {
                    opts.params.prior[6] = x;
                    opts.params.prior[7] = x;
                }
                "train" => opts.params.train_threshold = x,
                "temp" => opts.params.temperature = x,
                _ => panic!("unknown parameter {k}"),
            }
        }
    }
    let results: Vec<Vec<align::Bead>> = if lobo {
        // Leave one book out: length model and bead priors estimated on the other books' gold.
        (0..items.len())
            .map(|h| {
                let mut o = opts.clone();
                let (lm, prior) = calibrate(
                    items
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k != h)
                        .map(|(_, x)| x),
                );
                o.length = lm;
                o.params.prior = prior;
                let s: Vec<&str> = items[h].1.iter().map(String::as_str).collect();
                let t: Vec<&str> = items[h].2.iter().map(String::as_str).collect();
                align::align(&s, &t, &o).unwrap()
            })
            .collect()
    } else if pooled_model {
        let srcs: Vec<Vec<&str>> = items
            .iter()
            .map(|x| x.1.iter().map(String::as_str).collect())
            .collect();
        let tgts: Vec<Vec<&str>> = items
            .iter()
            .map(|x| x.2.iter().map(String::as_str).collect())
            .collect();
        let docs: Vec<(&[&str], &[&str])> = srcs
            .iter()
            .zip(&tgts)
            .map(|(s, t)| (s.as_slice(), t.as_slice()))
            .collect();
        align::align_documents(&docs, &opts).unwrap()
    } else {
        items
            .iter()
            .map(|x| {
                let s: Vec<&str> = x.1.iter().map(String::as_str).collect();
                let t: Vec<&str> = x.2.iter().map(String::as_str).collect();
                align::align(&s, &t, &opts).unwrap()
            })
            .collect()
    };
    let counts = std::env::var("TRAME_EVAL_COUNTS").is_ok();
    let mut stricts = Vec::new();
    let mut laxes = Vec::new();
    println!(
        "{:<32} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "document", "P", "R", "F1", "laxP", "laxR", "laxF1"
    );
    for (item, beads) in items.iter().zip(&results) {
        let test = eval::links_of(beads);
        let s = eval::strict(&test, &item.3);
        let l = eval::lax(&test, &item.3);
        println!(
            "{:<32} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
            item.0, s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
        );
        if counts {
            println!(
                "COUNTS {} {} {} {} {}",
                item.0, s.test_correct, s.test_total, s.gold_found, s.gold_total
            );
        }
        stricts.push(s);
        laxes.push(l);
    }
    let s = eval::Score::pool(&stricts);
    let l = eval::Score::pool(&laxes);
    println!(
        "{:<32} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
        "POOLED", s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
    );
}

/// Length model and bead priors estimated from gold alignments.
fn calibrate<'a>(
    items: impl Iterator<Item = &'a Item>,
) -> (trame::align::length::LengthModel, [f64; 8]) {
    let chars = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let mut lens = Vec::new();
    let mut counts = [1.0f64; 8];
    for (_, fr, en, gold) in items {
        for (s, t) in gold {
            if let Some(k) = trame::align::dp::BEADS
                .iter()
                .position(|&b| b == (s.len(), t.len()))
            {
                counts[k] += 1.0;
            }
            if !s.is_empty() && !t.is_empty() {
                let ls = s.iter().filter_map(|&i| fr.get(i)).map(|x| chars(x)).sum();
                let lt = t.iter().filter_map(|&i| en.get(i)).map(|x| chars(x)).sum();
                lens.push((ls, lt));
            }
        }
    }
    let total: f64 = counts.iter().sum();
    let prior = counts.map(|c| -(c / total).ln());
    (trame::align::length::LengthModel::estimate(&lens), prior)
}
