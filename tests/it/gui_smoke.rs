//! The game in a real window: start the 2025 scenario as Japan under Xvfb, advance six months,
//! save a screenshot with bevy's `Screenshot`, exit. The PNG must exist and show a picture (many
//! distinct colours), and the process must exit 0. Needs `xvfb-run` and a Vulkan driver
//! (Debian: xvfb mesa-vulkan-drivers; .ci/run installs them). Without xvfb-run the test is
//! skipped with a message, unless CI is set, where it fails.
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::process::Command;

#[test]
fn game_window_renders_a_screenshot_and_exits_cleanly() {
    if !crate::common::have("xvfb-run") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide xvfb-run (see .ci/run)"
        );
        eprintln!("skipped: xvfb-run is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("tradecraft-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shot = dir.join("shot.png");
    let level = concat!(env!("CARGO_MANIFEST_DIR"), "/levels/2025_tariff_shock.ron");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24"])
        .arg(env!("CARGO_BIN_EXE_tradecraft"))
        .args([
            "play",
            level,
            "--side",
            "JPN",
            "--smoke-months",
            "6",
            "--screenshot",
        ])
        .arg(&shot)
        .env("WGPU_BACKEND", "vulkan")
        .output()
        .expect("xvfb-run starts");
    assert!(
        out.status.success(),
        "exit {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::File::open(&shot).expect("the screenshot exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let colours: BTreeSet<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    assert!(
        info.width >= 1000 && info.height >= 700,
        "{}x{}",
        info.width,
        info.height
    );
    assert!(
        colours.len() > 50,
        "only {} distinct colours: blank?",
        colours.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
