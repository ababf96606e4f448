fn main() {
    lanecheck::start_check_in();
}
