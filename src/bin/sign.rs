fn main() {
    lanecheck::start_signing();
}
