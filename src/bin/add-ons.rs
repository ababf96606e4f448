fn main() {
    lanecheck::start_order(lanecheck::ui::pages::order::ADD_ONS);
}
