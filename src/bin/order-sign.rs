fn main() {
    lanecheck::start_order(lanecheck::ui::pages::order::SIGNING);
}
