//! Fuzzy index at scale: a 1,000,000-unit TMX indexed, then 1,000 look-ups at min score 75 and 50.
//!
//! Run: `cargo bench --bench leverage_index` (`LEVERAGE_UNITS=100000` for a smaller memory). The
//! TMX is generated once into `target/leverage-bench-N.tmx`: French-looking sentences of 4–40
//! tokens over a Zipf-distributed vocabulary of 40,000 words (a few function words very common),
//! a number in one sentence out of three. Queries: a third copies of memory sources, a third
//! those with 1–4 token edits, a third new sentences. Prints times, matches found and the peak
//! resident memory of the process (VmHWM), which includes the generation. Look-ups run on one
//! thread, one after the other; CPU seconds are printed next to wall time (for a loaded machine).

use std::time::Instant;
use trame::leverage::{add_tmx, IndexBuilder, QueryOptions};
use trame::tmx::{TmxHeader, TmxWriter, TranslationUnit, Variant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FUNCTION: &[&str] = &[
    "de", "la", "le", "les", "des", "et", "à", "l", "en", "du", "pour", "dans", "que", "qui", "a",
    "un", "une", "sur", "par", "au",
];

fn word(rng: &mut Rng, vocab: &[String]) -> String {
    if rng.below(2) == 0 {
        return FUNCTION[rng.below(FUNCTION.len())].to_string();
    }
    // Zipf-like (s = 1): rank = V^u
    let r = (vocab.len() as f64).powf(rng.unit()) as usize;
    vocab[r.min(vocab.len()) - 1].clone()
}

fn sentence(rng: &mut Rng, vocab: &[String]) -> String {
    let len = 4 + rng.below(37);
    let mut w: Vec<String> = (0..len).map(|_| word(rng, vocab)).collect();
    if rng.below(3) == 0 {
        let i = rng.below(w.len());
        w[i] = (rng.below(100_000)).to_string();
    }
    let mut s = w.join(" ");
    s.push('.');
    s
}

fn vocabulary() -> Vec<String> {
    let syll = [
        "ra", "mi", "to", "gen", "ver", "sul", "pon", "tiq", "cal", "dor", "nu", "ble",
    ];
    (0..40_000)
        .map(|i| {
            let mut w = String::new();
            let mut k = i + 12;
            while k > 0 {
                w.push_str(syll[k % syll.len()]);
                k /= syll.len();
            }
            w
        })
        .collect()
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU seconds used by the process so far (user + system, all threads): on a loaded shared
/// machine the wall time measures the neighbours; this measures the work.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        f.get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    // fields 14 and 15 of /proc/PID/stat, counted after the command name: 12 and 13
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let n: usize = std::env::var("LEVERAGE_UNITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let vocab = vocabulary();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let path = dir.join(format!("leverage-bench-{n}.tmx"));
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut sources = Vec::new();
    if !path.exists() {
        let t = Instant::now();
        let tmp = dir.join(format!("leverage-bench-{n}.tmx.part"));
        let file = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
        let mut w = TmxWriter::new(file, &TmxHeader::new("fr")).unwrap();
        for i in 0..n {
            let s = sentence(&mut rng, &vocab);
            w.write_unit(&TranslationUnit {
                tuid: Some(i.to_string()),
                props: Vec::new(),
                variants: vec![
                    Variant::new("fr", s.clone()),
                    Variant::new("en", format!("Sentence {i}.")),
                ],
            })
            .unwrap();
            if i % 997 == 0 {
                sources.push(s);
            }
        }
        w.finish().unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        eprintln!(
            "generated {} in {:.1} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
    } else {
        for i in 0..n {
            let s = sentence(&mut rng, &vocab);
            if i % 997 == 0 {
                sources.push(s);
            }
        }
    }
    let t = Instant::now();
    let c0 = cpu_s();
    let mut builder = IndexBuilder::new();
    let added = add_tmx(&mut builder, &path.display().to_string(), "fr").unwrap();
    let read = t.elapsed().as_secs_f64();
    let index = builder.build();
    let built = t.elapsed().as_secs_f64();
    println!(
        "index: {added} units read in {read:.1} s, indexed in {built:.1} s total (CPU {:.1} s); peak RSS so far {:.0} MB",
        cpu_s() - c0,
        peak_rss_mb()
    );
    let mut queries = Vec::new();
    let mut qrng = Rng(0xDEAD_BEEF_1234_5678);
    for q in 0..1000 {
        let base = sources[qrng.below(sources.len())].clone();
        queries.push(match q % 3 {
            0 => base,
            1 => {
                let mut w: Vec<String> = base
                    .trim_end_matches('.')
                    .split(' ')
                    .map(String::from)
                    .collect();
                for _ in 0..1 + qrng.below(4) {
                    let i = qrng.below(w.len());
                    w[i] = word(&mut qrng, &vocab);
                }
                w.join(" ") + "."
            }
            _ => sentence(&mut qrng, &vocab),
        });
    }
    for min_score in [75u8, 50] {
        let opts = QueryOptions {
            min_score,
            max_matches: 3,
        };
        let t = Instant::now();
        let c0 = cpu_s();
        let mut with = 0;
        let mut total = 0;
        for q in &queries {
            let m = index.query(q, &opts);
            with += usize::from(!m.is_empty());
            total += m.len();
        }
        let cpu = cpu_s() - c0;
        println!(
            "1000 look-ups at min score {min_score}: {:.2} s wall, CPU {cpu:.1} s ({with} with a match, {total} matches)",
            t.elapsed().as_secs_f64()
        );
    }
    println!("peak RSS {:.0} MB", peak_rss_mb());
}
