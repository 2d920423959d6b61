//! Reading a large input as a sequence of decoded chunks cut at line boundaries.
//!
//! [`crate::input::read_source`] holds a whole file in memory (its bytes, then its text). For a
//! file of a gigabyte that is too much, so the commands that work line by line (segment, terms)
//! read a large input through a [`ChunkReader`] instead: an iterator of [`Chunk`]s of about
//! [`CHUNK_SIZE`] bytes of text, each cut just after a line end, each knowing where it starts in
//! the original file (byte offset, text offset, line number), so that positions reported from a
//! chunk are the positions in the file.
//!
//! # Where a chunk ends
//! Once the buffer holds `chunk_size` bytes of text, the cut is placed, in order of preference:
//! 1. just after a blank line (`\n\n`, `\n\r\n`) in the last quarter of the first `chunk_size`
//!    bytes, so that a paragraph is not split between chunks (cleaning joins wrapped lines of a
//!    paragraph, which needs the whole paragraph);
//! 2. else just after the last line end (`\n`, `\r\n`, or a lone `\r`) before `chunk_size`;
//! 3. else (the first line is longer than `chunk_size`) just after the first line end found later:
//!    a single line is never split, so memory is bounded by the chunk size **or the longest line**,
//!    whichever is larger; a line longer than [`MAX_LINE`] (64 MiB) is an error.
//!
//! # Decoding
//! Same rules and same error messages as [`crate::input`]: UTF-8 with or without BOM, UTF-16
//! LE/BE with BOM, any other encoding when named (decoded with `encoding_rs`'s streaming
//! decoder). Invalid bytes are an error naming the **absolute** byte offset in the file; a NUL
//! byte in 8-bit input (or a NUL character in UTF-16 input) means a binary file, also with its
//! absolute byte offset. After an error the iterator ends.

use crate::clean::CleanOptions;
use crate::error::{Error, Result};
use crate::input::{self, Source};
use encoding_rs::{Decoder, DecoderResult, Encoding};
use std::io::Read;

/// Default size in bytes (of decoded text) of a chunk: about 8 MB.
pub const CHUNK_SIZE: usize = 8 << 20;

/// Size in bytes from which an input is streamed rather than read whole (32 MB).
pub const STREAM_THRESHOLD: u64 = 32 << 20;

/// Longest line a streamed input may hold: 64 MiB. A longer one (a file without line ends, a
/// FIFO fed forever) is refused: memory stays bounded by the chunk size plus this.
pub const MAX_LINE: usize = 64 << 20;

/// Bytes asked of the reader at a time.
const READ_BLOCK: usize = 256 << 10;

/// One piece of an input, cut just after a line end (or at the end of the input).
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The decoded text of the chunk, as a [`Source`] named like the input.
    ///
    /// `source.bom_len` holds the byte offset **in the file** where this chunk's text starts (the
    /// BOM length for the first chunk): so `FileOffsets::new(&chunk.source)` (in
    /// `segment::offsets`) maps chunk text offsets straight to file offsets, as it does for a
    /// whole file.
    pub source: Source,
    /// 0-based index of the chunk in the input.
    pub index: usize,
    /// Byte offset of the chunk's first character in the whole decoded text of the input.
    pub text_offset: usize,
    /// 1-based number, in the input, of the chunk's first line (a chunk always starts a line).
    pub first_line: usize,
}

impl Chunk {
    /// Byte offset in the file where the chunk's text starts.
    pub fn byte_offset(&self) -> usize {
        self.source.bom_len
    }

    /// The chunk's text.
    pub fn text(&self) -> &str {
        &self.source.text
    }
}

/// An input either read whole (small) or to be streamed in chunks (large).
pub enum Input {
    /// A small input, decoded whole exactly as [`crate::input::read_source`] does.
    Whole(Source),
    /// A large input, read chunk by chunk.
    Chunks(ChunkReader),
}

/// Opens `path` (`-` for stdin): a file or stdin of at most `threshold` bytes is read whole; a
/// larger one is returned as a [`ChunkReader`] of chunks of about `chunk_size` bytes.
///
/// For stdin, whose size is unknown, up to `threshold + 1` bytes are read first; if the input
/// ends before, it is decoded whole, else those bytes and the rest of stdin are streamed.
pub fn open(
    path: &str,
    encoding: Option<&'static Encoding>,
    threshold: u64,
    chunk_size: usize,
) -> Result<Input> {
    if path == "-" {
        return open_unsized(
            "-",
            Box::new(std::io::stdin()),
            encoding,
            threshold,
            chunk_size,
        );
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::invalid(path, "is a directory, expected a file"));
    }
    if !meta.is_file() {
        // A FIFO or a device (`/dev/zero`): its size is unknown, read it as stdin is.
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        return open_unsized(path, Box::new(file), encoding, threshold, chunk_size);
    }
    if meta.len() <= threshold {
        return input::read_source(path, encoding).map(Input::Whole);
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(Input::Chunks(ChunkReader::new(
        path,
        Box::new(file),
        encoding,
        chunk_size,
    )))
}

/// An input of unknown size: up to `threshold + 1` bytes are read first; if the input ends
/// before, it is decoded whole, else those bytes and the rest are streamed. A first block that
/// shows a binary file (a NUL byte without a UTF-16 BOM) stops the read at once.
fn open_unsized(
    path: &str,
    mut reader: Box<dyn Read + Send>,
    encoding: Option<&'static Encoding>,
    threshold: u64,
    chunk_size: usize,
) -> Result<Input> {
    let limit = threshold.saturating_add(1);
    let first = limit.min(READ_BLOCK as u64);
    let mut prefix = Vec::new();
    (&mut reader)
        .take(first)
        .read_to_end(&mut prefix)
        .map_err(|e| Error::io(path, e))?;
    if let Some(name) = crate::tmx::xml::utf32_bom(&prefix) {
        return Err(input::utf32_error(path, name));
    }
    let utf16 = match Encoding::for_bom(&prefix) {
        Some((e, _)) => e != encoding_rs::UTF_8,
        None => encoding.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE),
    };
    if !utf16 {
        if let Some(offset) = memchr::memchr(0, &prefix) {
            return Err(Error::Binary {
                path: path.to_string(),
                offset,
            });
        }
    }
    if prefix.len() as u64 == first {
        (&mut reader)
            .take(limit - first)
            .read_to_end(&mut prefix)
            .map_err(|e| Error::io(path, e))?;
    }
    if (prefix.len() as u64) <= threshold {
        return input::decode(path, &prefix, encoding).map(Input::Whole);
    }
    let reader = std::io::Cursor::new(prefix).chain(reader);
    Ok(Input::Chunks(ChunkReader::new(
        path,
        Box::new(reader),
        encoding,
        chunk_size,
    )))
}

/// The cleaning options for chunk `index` of a streamed file, from the options of a whole-file
/// run: a large file is one document, so there is no boilerplate shared with other documents to
/// look for, and a leading navigation menu can only be in the first chunk. Known boilerplate,
/// markup and unwrapping apply to every chunk (each chunk decides alone whether it is
/// hard-wrapped).
pub fn chunk_clean_options(opts: &CleanOptions, index: usize) -> CleanOptions {
    CleanOptions {
        shared_blocks: false,
        navigation: opts.navigation && index == 0,
        ..opts.clone()
    }
}

/// How the text's byte length in the file is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    Utf16,
    Other,
}

/// An iterator of the [`Chunk`]s of one input. See the module documentation.
pub struct ChunkReader {
    path: String,
    reader: Box<dyn Read + Send>,
    chunk_size: usize,
    /// The encoding asked for (`None`: UTF-8 unless a BOM says otherwise).
    requested: Option<&'static Encoding>,
    /// Set once the BOM has been sniffed.
    encoding: Option<&'static Encoding>,
    decoder: Option<Decoder>,
    kind: Kind,
    /// Bytes read but not yet decoded (the first bytes before the BOM is sniffed, or the start
    /// of a UTF-8 sequence cut by a read).
    pending: Vec<u8>,
    /// File offset of `pending[0]`.
    pending_offset: usize,
    /// Decoded text not yet handed out.
    buf: String,
    /// `buf[..scanned]` holds no usable line end (avoids rescanning a very long line).
    scanned: usize,
    eof: bool,
    done: bool,
    index: usize,
    text_offset: usize,
    line: usize,
    /// File offset of `buf[0]`.
    byte_offset: usize,
}

impl ChunkReader {
    /// Reads `reader` (named `path` in messages and chunks) in chunks of about `chunk_size`
    /// bytes of text (at least 1).
    pub fn new(
        path: &str,
        reader: Box<dyn Read + Send>,
        encoding: Option<&'static Encoding>,
        chunk_size: usize,
    ) -> Self {
        ChunkReader {
            path: path.to_string(),
            reader,
            chunk_size: chunk_size.max(1),
            requested: encoding,
            encoding: None,
            decoder: None,
            kind: Kind::Utf8,
            pending: Vec::new(),
            pending_offset: 0,
            buf: String::new(),
            scanned: 0,
            eof: false,
            done: false,
            index: 0,
            text_offset: 0,
            line: 1,
            byte_offset: 0,
        }
    }

    /// Name of the encoding being decoded (known after the first chunk; `UTF-8` before).
    pub fn encoding_name(&self) -> &'static str {
        self.encoding.unwrap_or(encoding_rs::UTF_8).name()
    }

    /// Reads one block and decodes what can be decoded.
    fn fill(&mut self) -> Result<()> {
        let mut block = vec![0u8; READ_BLOCK];
        let n = loop {
            match self.reader.read(&mut block) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::io(&self.path, e)),
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.pending.extend_from_slice(&block[..n]);
        if self.encoding.is_none() {
            if self.pending.len() < 4 && !self.eof {
                return Ok(());
            }
            if let Some(name) = crate::tmx::xml::utf32_bom(&self.pending) {
                return Err(input::utf32_error(&self.path, name));
            }
            self.sniff();
        }
        self.decode_pending()
    }

    /// Chooses the encoding from the BOM or the request, and skips the BOM.
    fn sniff(&mut self) {
        let (encoding, bom_len) = match Encoding::for_bom(&self.pending) {
            Some((enc, len)) => (enc, len),
            None => (self.requested.unwrap_or(encoding_rs::UTF_8), 0),
        };
        self.pending.drain(..bom_len);
        self.pending_offset = bom_len;
        self.byte_offset = bom_len;
        self.encoding = Some(encoding);
        self.kind = if encoding == encoding_rs::UTF_8 {
            Kind::Utf8
        } else if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            Kind::Utf16
        } else {
            Kind::Other
        };
        if self.kind != Kind::Utf8 {
            self.decoder = Some(encoding.new_decoder_without_bom_handling());
        }
    }

    fn decode_pending(&mut self) -> Result<()> {
        let encoding = self.encoding.unwrap_or(encoding_rs::UTF_8);
        if self.kind != Kind::Utf16 {
            if let Some(p) = self.pending.iter().position(|&b| b == 0) {
                return Err(Error::Binary {
                    path: self.path.clone(),
                    offset: self.pending_offset + p,
                });
            }
        }
        let before = self.buf.len();
        if self.kind == Kind::Utf8 {
            let valid = match std::str::from_utf8(&self.pending) {
                Ok(s) => {
                    self.buf.push_str(s);
                    s.len()
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    if e.error_len().is_some() || self.eof {
                        return Err(Error::Encoding {
                            path: self.path.clone(),
                            encoding: "UTF-8".into(),
                            offset: self.pending_offset + valid,
                        });
                    }
                    // A sequence cut by the read: decode what is whole, keep the rest.
                    let s = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
                    self.buf.push_str(s);
                    valid
                }
            };
            self.pending.drain(..valid);
            self.pending_offset += valid;
        } else if let Some(decoder) = self.decoder.as_mut() {
            let mut from = 0;
            loop {
                let need = decoder
                    .max_utf8_buffer_length_without_replacement(self.pending.len() - from)
                    .unwrap_or(self.pending.len() * 3 + 16);
                self.buf.reserve(need);
                let (result, read) = decoder.decode_to_string_without_replacement(
                    &self.pending[from..],
                    &mut self.buf,
                    self.eof,
                );
                from += read;
                match result {
                    DecoderResult::InputEmpty => break,
                    DecoderResult::OutputFull => continue,
                    DecoderResult::Malformed(bad, extra) => {
                        let offset = (self.pending_offset + from)
                            .saturating_sub(bad as usize + extra as usize);
                        return Err(Error::Encoding {
                            path: self.path.clone(),
                            encoding: encoding.name().into(),
                            offset,
                        });
                    }
                }
            }
            self.pending.drain(..from);
            self.pending_offset += from;
            if self.kind == Kind::Utf16 {
                if let Some(p) = self.buf[before..].find('\0') {
                    let prefix = &self.buf[..before + p];
                    return Err(Error::Binary {
                        path: self.path.clone(),
                        offset: self.byte_offset + file_len(prefix, self.kind, encoding),
                    });
                }
            }
        }
        Ok(())
    }

    /// Where to cut `buf` now, if a chunk can be handed out.
    fn cut(&mut self) -> Option<usize> {
        let bytes = self.buf.as_bytes();
        if self.eof && self.pending.is_empty() {
            return (!bytes.is_empty()).then_some(bytes.len());
        }
        if bytes.len() < self.chunk_size {
            return None;
        }
        let hi = self.chunk_size;
        let lo = hi - hi / 4;
        let is_end = |i: usize| {
            bytes[i] == b'\n' || (bytes[i] == b'\r' && i + 1 < bytes.len() && bytes[i + 1] != b'\n')
        };
        if self.scanned < hi {
            // 1. After a blank line in the last quarter.
            let blank = |i: usize| {
                bytes[i] == b'\n'
                    && i >= 1
                    && (bytes[i - 1] == b'\n'
                        || (bytes[i - 1] == b'\r' && i >= 2 && bytes[i - 2] == b'\n'))
            };
            if let Some(i) = (lo.max(self.scanned)..hi).rev().find(|&i| blank(i)) {
                return Some(i + 1);
            }
            // 2. After the last line end before `hi`.
            if let Some(i) = (self.scanned..hi).rev().find(|&i| is_end(i)) {
                return Some(i + 1);
            }
        }
        // 3. A line longer than the chunk: after its end, once read.
        let from = self.scanned.max(hi);
        match (from..bytes.len()).find(|&i| is_end(i)) {
            Some(i) => Some(i + 1),
            None => {
                // The last byte may be a `\r` waiting for its next byte: look at it again.
                self.scanned = bytes.len().saturating_sub(1);
                None
            }
        }
    }

    fn next_chunk(&mut self) -> Result<Option<Chunk>> {
        loop {
            if let Some(cut) = self.cut() {
                let rest = self.buf.split_off(cut);
                let text = std::mem::replace(&mut self.buf, rest);
                self.scanned = 0;
                let encoding = self.encoding.unwrap_or(encoding_rs::UTF_8);
                let chunk = Chunk {
                    index: self.index,
                    text_offset: self.text_offset,
                    first_line: self.line,
                    source: Source {
                        path: self.path.clone(),
                        encoding: encoding.name(),
                        bom_len: self.byte_offset,
                        text,
                    },
                };
                self.index += 1;
                self.text_offset += chunk.source.text.len();
                self.line += line_ends(&chunk.source.text);
                self.byte_offset += file_len(&chunk.source.text, self.kind, encoding);
                return Ok(Some(chunk));
            }
            if self.eof {
                return Ok(None);
            }
            if self.buf.len() > self.chunk_size + MAX_LINE {
                return Err(self.line_too_long());
            }
            self.fill()?;
        }
    }

    /// The error for a line longer than [`MAX_LINE`]: names the line where it starts.
    fn line_too_long(&self) -> Error {
        let bytes = self.buf.as_bytes();
        let hi = self.chunk_size.min(bytes.len());
        let start = (0..hi)
            .rev()
            .find(|&i| bytes[i] == b'\n' || bytes[i] == b'\r')
            .map_or(0, |i| i + 1);
        let line = self.line + line_ends(&self.buf[..start]);
        Error::syntax(
            &self.path,
            line,
            1,
            format!(
                "a line longer than {} MiB (trame's limit on one line of text; no line end in \
                 {} MiB read)",
                MAX_LINE >> 20,
                (self.buf.len() - start) >> 20
            ),
        )
    }
}

impl Iterator for ChunkReader {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_chunk() {
            Ok(Some(chunk)) => Some(Ok(chunk)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Number of line ends in `text` (`\n`, `\r\n`, lone `\r`), as [`crate::document::LineIndex`]
/// counts them.
fn line_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Length in bytes, in the file, of `text` decoded from `encoding`.
fn file_len(text: &str, kind: Kind, encoding: &'static Encoding) -> usize {
    match kind {
        Kind::Utf8 => text.len(),
        Kind::Utf16 => text.encode_utf16().count() * 2,
        Kind::Other => encoding.encode(text).0.len(),
    }
}

#[cfg(test)]
mod tests;
