fn main() {
    lanecheck::start_desk();
}
