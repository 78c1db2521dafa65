//! Checklists loaded once and shared: a [`super::Finder`] keeps each checklist it loaded for an
//! argument (an id or a path), so a command that reads many assessments (`compare`, `gate`, a
//! folder's member files, every save of a walk) parses, validates and digests each checklist
//! once. Finders of different projects may share one cache: entries are keyed by project too.
//!
//! A checklist is loaded by the first thread that asks for it while the others wait for it; a
//! load that fails is not kept, so every file that names a broken checklist reports the error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::checklist::Checklist;
use crate::error::Result;
use crate::project::Project;

/// The project's folder (none outside a project) and the argument as given.
type Key = (Option<PathBuf>, String);

/// One checklist's place in the cache: empty until loaded.
type Slot = Arc<Mutex<Option<Arc<Checklist>>>>;

/// Loaded checklists by project and argument, and loaded projects by their `weigh.toml`;
/// clones share the same entries.
#[derive(Clone, Default)]
pub struct Cache {
    checklists: Arc<Mutex<HashMap<Key, Slot>>>,
    projects: Arc<Mutex<HashMap<PathBuf, Project>>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cache({} checklists)", lock(&self.checklists).len())
    }
}

impl Cache {
    /// The project around `start` ([`crate::project::discover`]), each `weigh.toml` loaded
    /// once: `compare` and `gate` look it up for every file. A file that fails to load is
    /// not kept, so every assessment under it reports the error.
    pub fn project(&self, start: &Path) -> Result<Option<Project>> {
        let Some(file) = crate::project::find_file(start) else {
            return Ok(None);
        };
        if let Some(project) = lock(&self.projects).get(&file) {
            return Ok(Some(project.clone()));
        }
        let project = crate::project::load(&file)?;
        lock(&self.projects).insert(file, project.clone());
        Ok(Some(project))
    }

    /// The checklist kept for `key`, or the one `load` gives (kept when it loads).
    pub(super) fn get_or_load(
        &self,
        key: Key,
        load: impl FnOnce() -> Result<Checklist>,
    ) -> Result<Arc<Checklist>> {
        let slot = lock(&self.checklists).entry(key).or_default().clone();
        let mut held = lock(&slot);
        if let Some(checklist) = held.as_ref() {
            return Ok(checklist.clone());
        }
        let checklist = Arc::new(load()?);
        *held = Some(checklist.clone());
        Ok(checklist)
    }
}

/// A poisoned lock still guards consistent data here: a panicking load leaves its slot empty.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::builtin;
    use crate::error::Error;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn screen() -> Result<Checklist> {
        Ok(builtin::load("quick-screen").expect("the built-in loads"))
    }

    #[test]
    fn a_checklist_is_loaded_once_per_project_and_argument() {
        let cache = Cache::default();
        let loads = AtomicUsize::new(0);
        let load = || {
            loads.fetch_add(1, Ordering::SeqCst);
            screen()
        };
        let key = |project: Option<&str>, arg: &str| (project.map(PathBuf::from), arg.to_string());
        let a = cache.get_or_load(key(None, "quick-screen"), load).unwrap();
        let b = cache.get_or_load(key(None, "quick-screen"), load).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        cache
            .get_or_load(key(Some("p"), "quick-screen"), load)
            .unwrap();
        cache
            .clone()
            .get_or_load(key(None, "x.toml"), load)
            .unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn a_failed_load_is_not_kept() {
        let cache = Cache::default();
        let key = (None, "broken".to_string());
        let failed = cache.get_or_load(key.clone(), || Err(Error::usage("broken", "fix it")));
        assert!(failed.is_err());
        assert!(cache.get_or_load(key, screen).is_ok());
    }

    #[test]
    fn threads_asking_at_once_share_one_load() {
        let cache = Cache::default();
        let loads = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    cache
                        .get_or_load((None, "quick-screen".into()), || {
                            loads.fetch_add(1, Ordering::SeqCst);
                            screen()
                        })
                        .unwrap()
                });
            }
        });
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }
}
