fn main() {
    lanecheck::start_check_in(lanecheck::ui::pages::check_in::RECEPTION);
}
