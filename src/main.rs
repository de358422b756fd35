fn main() -> std::process::ExitCode {
    tradecraft::cli::run()
}
