fn main() {
    lanecheck::start();
}
