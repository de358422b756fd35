//! `sim --branch-at M`: a run that follows a commands file up to month M and then goes its own
//! way equals the file's run up to M, differs after when the new orders differ, and equals it
//! when they are the file's own.

use std::path::PathBuf;

const LEVEL: &str = "levels/2025_tariff_shock.ron";
const HISTORY: &str = "levels/2025_tariff_shock.history.ron";

fn hash(args: &[&str]) -> Result<String, String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args(["sim", LEVEL, "--side", "JPN", "--quiet", "--commands", HISTORY])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).to_string())
    }
}

fn file(name: &str, text: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("tradecraft-branch-{}-{name}", std::process::id()));
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_branch_follows_history_to_its_month_then_goes_its_own_way() {
    // Japan retaliates in August 2025 (month 7) instead of signing in October.
    let retaliate = file(
        "retaliate.ron",
        r#"[(month: 7, by: "JPN", command: SetTariff(target: "USA", sector: "agriculture", rate: 0.5))]"#,
    );
    let r = retaliate.to_str().unwrap();
    let upto = hash(&["--months", "7"]).unwrap();
    assert_eq!(
        hash(&["--months", "7", "--branch-at", "7", "--then", r]).unwrap(),
        upto
    );
    let history = hash(&["--months", "24"]).unwrap();
    let branched = hash(&["--months", "24", "--branch-at", "7", "--then", r]).unwrap();
    assert_ne!(branched, history, "the branch goes its own way");
    // Branching into history's own orders is history.
    let own = file(
        "own.ron",
        r#"[(month: 9, by: "JPN", command: AcceptOffer(dispute: "auto_tariffs"))]"#,
    );
    assert_eq!(
        hash(&[
            "--months",
            "24",
            "--branch-at",
            "7",
            "--then",
            own.to_str().unwrap()
        ])
        .unwrap(),
        history
    );
    // Without --then, Japan does nothing from the branch on: not history either.
    assert_ne!(hash(&["--months", "24", "--branch-at", "7"]).unwrap(), history);
    // An order before the branch month is refused, with the month.
    let early = file(
        "early.ron",
        r#"[(month: 3, by: "JPN", command: SetTariff(target: "USA", sector: "agriculture", rate: 0.5))]"#,
    );
    let e = hash(&["--branch-at", "7", "--then", early.to_str().unwrap()]).unwrap_err();
    assert!(e.contains("month 3 is before the branch at month 7"), "{e}");
    for p in [retaliate, own, early] {
        let _ = std::fs::remove_file(p);
    }
}
