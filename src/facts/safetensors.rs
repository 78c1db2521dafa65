//! Weight bytes and dtypes from safetensors files, without reading any weights: the index's
//! `metadata.total_size`, and each file's header (an 8-byte length, then a JSON table of
//! tensors with their dtype and byte offsets), which is all weigh reads of a weights file.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

use super::bounded;

/// The largest header weigh reads (the format itself caps headers at 100 MB).
const MAX_HEADER: u64 = 100_000_000;

/// What a header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Bytes of tensor data the header describes.
    pub bytes: u64,
    /// The dtypes of its tensors, e.g. `BF16`, `F8_E4M3`.
    pub dtypes: BTreeSet<String>,
    /// The header's own length in bytes (what weigh read).
    pub length: u64,
}

/// Reads a safetensors file's header; the error says why it is not one.
pub fn header(path: &Path) -> Result<Header, String> {
    let mut file = bounded::open_regular(path).map_err(|e| e.to_string())?;
    let mut length = [0u8; 8];
    file.read_exact(&mut length)
        .map_err(|_| "shorter than a safetensors header".to_string())?;
    let length = u64::from_le_bytes(length);
    if length > MAX_HEADER {
        return Err(format!(
            "its header claims {length} bytes, more than safetensors allows"
        ));
    }
    let mut text = Vec::new();
    file.take(length)
        .read_to_end(&mut text)
        .map_err(|e| e.to_string())?;
    if text.len() as u64 != length {
        return Err("its header is cut short".into());
    }
    let table: serde_json::Map<String, Value> =
        serde_json::from_slice(&text).map_err(|e| format!("its header is not JSON: {e}"))?;
    let mut out = Header {
        length,
        ..Header::default()
    };
    for (name, tensor) in table.iter().filter(|(n, _)| *n != "__metadata__") {
        let (dtype, size) = tensor_bytes(tensor)
            .ok_or_else(|| format!("tensor `{name}` has no dtype or offsets"))?;
        out.bytes = out.bytes.saturating_add(size);
        out.dtypes.insert(dtype);
    }
    Ok(out)
}

fn tensor_bytes(tensor: &Value) -> Option<(String, u64)> {
    let dtype = tensor.get("dtype")?.as_str()?.to_string();
    let offsets = tensor.get("data_offsets")?.as_array()?;
    let start = offsets.first()?.as_u64()?;
    let end = offsets.get(1)?.as_u64()?;
    Some((dtype, end.checked_sub(start)?))
}

/// The index's total size and its shard files, in order of first appearance.
pub fn index(value: &Value) -> Option<(u64, Vec<String>)> {
    let total = value.get("metadata")?.get("total_size")?;
    let total = total.as_u64().or_else(|| {
        total
            .as_f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0)
            .map(|f| f as u64)
    })?;
    let mut files: Vec<String> = Vec::new();
    for file in value
        .get("weight_map")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(Value::as_str)
    {
        if !files.iter().any(|f| f == file) {
            files.push(file.to_string());
        }
    }
    Some((total, files))
}

/// Writes a safetensors file with the given tensors' headers and no data (for tests).
#[cfg(test)]
pub fn write_header(path: &Path, tensors: &[(&str, &str, u64, u64)]) {
    let mut table = serde_json::Map::new();
    for (name, dtype, start, end) in tensors {
        table.insert(
            (*name).into(),
            serde_json::json!({ "dtype": dtype, "shape": [1], "data_offsets": [start, end] }),
        );
    }
    let text = serde_json::to_vec(&table).unwrap();
    let mut bytes = (text.len() as u64).to_le_bytes().to_vec();
    bytes.extend(text);
    std::fs::write(path, bytes).unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_gives_bytes_and_dtypes_without_reading_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.safetensors");
        write_header(
            &path,
            &[("a", "BF16", 0, 1024), ("b", "F8_E4M3", 1024, 1536)],
        );
        let h = header(&path).unwrap();
        assert_eq!(h.bytes, 1536);
        assert_eq!(
            h.dtypes.into_iter().collect::<Vec<_>>(),
            ["BF16", "F8_E4M3"]
        );
    }

    #[test]
    fn a_header_claiming_gigabytes_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.safetensors");
        std::fs::write(&path, u64::MAX.to_le_bytes()).unwrap();
        assert!(
            header(&path)
                .unwrap_err()
                .contains("more than safetensors allows")
        );
    }

    #[test]
    fn the_index_gives_total_size_and_each_shard_once() {
        let index_json = serde_json::json!({
            "metadata": { "total_size": 16060522496u64 },
            "weight_map": { "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors", "c": "model-00001-of-00002.safetensors" }
        });
        let (total, files) = index(&index_json).unwrap();
        assert_eq!(total, 16_060_522_496);
        assert_eq!(files.len(), 2);
    }
}
