fn main() {
    lanecheck::start_shell();
}
