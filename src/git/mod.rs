//! Git, as weigh uses it: reading an assessment as it was at a revision (`REV:PATH`, [`rev`]).
//! weigh runs the `git` on PATH, in the working directory, and reads its output; it never
//! writes to a repository here.

pub mod rev;
