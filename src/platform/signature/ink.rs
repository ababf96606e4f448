//! The signature_pad algorithm (szimek/signature_pad), in plain Rust: points closer than
//! `min_distance` are dropped; the pen's velocity, filtered, sets the line width (fast is
//! thin, slow is thick); each new point closes a cubic Bézier segment through the previous
//! ones, drawn as a run of dots whose width moves from the segment's start width to its end
//! width. No browser here: the canvas adapter draws the `Dot`s this returns.

/// A pen sample: position in CSS pixels of the pad, time in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub t: f64,
}

/// A filled circle to draw: centre and radius in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub min_width: f64,
    pub max_width: f64,
    pub min_distance: f64,
    pub velocity_filter_weight: f64,
}

impl Default for Options {
    /// signature_pad's defaults.
    fn default() -> Self {
        Options {
            min_width: 0.5,
            max_width: 2.5,
            min_distance: 5.0,
            velocity_filter_weight: 0.7,
        }
    }
}

#[derive(Default)]
pub struct Ink {
    options: Options,
    strokes: Vec<Vec<Point>>,
    /// The last (up to) four points of the current stroke, for the next segment.
    window: Vec<Point>,
    last_velocity: f64,
    last_width: f64,
}

impl Ink {
    pub fn new(options: Options) -> Ink {
        Ink {
            options,
            ..Ink::default()
        }
    }

    /// Every stroke so far, as sampled.
    pub fn strokes(&self) -> &[Vec<Point>] {
        &self.strokes
    }

    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty()
    }

    /// Starts a stroke at `p`; nothing is drawn until it moves or ends.
    pub fn begin(&mut self, p: Point) {
        self.strokes.push(vec![p]);
        self.window = vec![p];
        self.last_velocity = 0.0;
        self.last_width = (self.options.min_width + self.options.max_width) / 2.0;
    }

    /// Adds a sample to the current stroke and returns what to draw for it.
    pub fn extend(&mut self, p: Point) -> Vec<Dot> {
        let Some(stroke) = self.strokes.last_mut() else {
            return Vec::new();
        };
        if stroke
            .last()
            .is_some_and(|last| distance(*last, p) <= self.options.min_distance)
        {
            return Vec::new();
        }
        stroke.push(p);
        self.window.push(p);
        if self.window.len() < 3 {
            return Vec::new();
        }
        if self.window.len() == 3 {
            let first = self.window[0];
            self.window.insert(0, first);
        }
        let (start_width, end_width) = self.widths(self.window[1], self.window[2]);
        let dots = segment(&self.window, start_width, end_width, self.options.max_width);
        self.window.remove(0);
        dots
    }

    /// Ends the current stroke; a stroke that never moved is a dot.
    pub fn end(&mut self) -> Vec<Dot> {
        match self.strokes.last() {
            Some(stroke) if stroke.len() == 1 => {
                let p = stroke[0];
                vec![Dot {
                    x: p.x,
                    y: p.y,
                    r: (self.options.min_width + self.options.max_width) / 2.0,
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Removes the last stroke; returns everything to draw again, from a clear pad.
    pub fn undo(&mut self) -> Vec<Dot> {
        self.strokes.pop();
        let strokes = std::mem::take(&mut self.strokes);
        let mut dots = Vec::new();
        for stroke in strokes {
            let mut points = stroke.into_iter();
            let Some(first) = points.next() else { continue };
            self.begin(first);
            for p in points {
                dots.extend(self.extend(p));
            }
            dots.extend(self.end());
        }
        dots
    }

    pub fn clear(&mut self) {
        self.strokes.clear();
        self.window.clear();
    }

    fn widths(&mut self, start: Point, end: Point) -> (f64, f64) {
        let o = self.options;
        let dt = end.t - start.t;
        let raw = if dt > 0.0 {
            distance(start, end) / dt
        } else {
            0.0
        };
        let velocity =
            o.velocity_filter_weight * raw + (1.0 - o.velocity_filter_weight) * self.last_velocity;
        let width = (o.max_width / (velocity + 1.0)).max(o.min_width);
        let widths = (self.last_width, width);
        self.last_velocity = velocity;
        self.last_width = width;
        widths
    }
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The control points between `s1` and `s3` around `s2` (signature_pad's tension rule).
fn control_points(s1: Point, s2: Point, s3: Point) -> ((f64, f64), (f64, f64)) {
    let m1 = ((s1.x + s2.x) / 2.0, (s1.y + s2.y) / 2.0);
    let m2 = ((s2.x + s3.x) / 2.0, (s2.y + s3.y) / 2.0);
    let l1 = distance(s1, s2);
    let l2 = distance(s2, s3);
    let k = if l1 + l2 > 0.0 { l2 / (l1 + l2) } else { 0.0 };
    let cm = (m2.0 + (m1.0 - m2.0) * k, m2.1 + (m1.1 - m2.1) * k);
    let (tx, ty) = (s2.x - cm.0, s2.y - cm.1);
    ((m1.0 + tx, m1.1 + ty), (m2.0 + tx, m2.1 + ty))
}

/// Dots along the cubic Bézier from window[1] to window[2].
fn segment(window: &[Point], start_width: f64, end_width: f64, max_width: f64) -> Vec<Dot> {
    let (p0, p1, p2, p3) = (
        window[0],
        window[1],
        window[2],
        window[3.min(window.len() - 1)],
    );
    let c1 = control_points(p0, p1, p2).1;
    let c2 = control_points(p1, p2, p3).0;
    let at = |t: f64| {
        let u = 1.0 - t;
        let x =
            u * u * u * p1.x + 3.0 * u * u * t * c1.0 + 3.0 * u * t * t * c2.0 + t * t * t * p2.x;
        let y =
            u * u * u * p1.y + 3.0 * u * u * t * c1.1 + 3.0 * u * t * t * c2.1 + t * t * t * p2.y;
        (x, y)
    };
    let length: f64 = (1..=10)
        .map(|i| {
            let (a, b) = (at(f64::from(i - 1) / 10.0), at(f64::from(i) / 10.0));
            ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
        })
        .sum();
    let steps = (length.floor() as usize * 2).max(1);
    (0..steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            let (x, y) = at(t);
            let r = (start_width + t * t * t * (end_width - start_width)).min(max_width);
            Dot { x, y, r }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stroke(ink: &mut Ink, points: &[(f64, f64, f64)]) -> Vec<Dot> {
        let mut dots = Vec::new();
        let mut it = points.iter();
        let &(x, y, t) = it.next().unwrap();
        ink.begin(Point { x, y, t });
        for &(x, y, t) in it {
            dots.extend(ink.extend(Point { x, y, t }));
        }
        dots.extend(ink.end());
        dots
    }

    fn line(speed_px_per_ms: f64) -> Vec<(f64, f64, f64)> {
        (0..20)
            .map(|i| {
                (
                    f64::from(i) * 10.0,
                    50.0,
                    f64::from(i) * 10.0 / speed_px_per_ms,
                )
            })
            .collect()
    }

    #[test]
    fn points_closer_than_min_distance_are_dropped() {
        let mut ink = Ink::new(Options::default());
        stroke(
            &mut ink,
            &[
                (0.0, 0.0, 0.0),
                (1.0, 1.0, 5.0),
                (2.0, 2.0, 10.0),
                (20.0, 0.0, 20.0),
            ],
        );
        assert_eq!(ink.strokes()[0].len(), 2);
    }

    #[test]
    fn widths_stay_within_bounds_and_fast_lines_are_thinner() {
        let o = Options::default();
        let slow = stroke(&mut Ink::new(o), &line(0.1));
        let fast = stroke(&mut Ink::new(o), &line(5.0));
        for d in slow.iter().chain(&fast) {
            assert!(
                d.r >= o.min_width - 1e-9 && d.r <= o.max_width + 1e-9,
                "{d:?}"
            );
        }
        let mean = |d: &[Dot]| d.iter().map(|d| d.r).sum::<f64>() / d.len() as f64;
        assert!(mean(&fast) < mean(&slow));
    }

    #[test]
    fn the_curve_passes_through_the_samples_without_gaps() {
        let dots = stroke(&mut Ink::new(Options::default()), &line(1.0));
        assert!(dots
            .windows(2)
            .all(|w| ((w[0].x - w[1].x).powi(2) + (w[0].y - w[1].y).powi(2)).sqrt() <= 1.0));
        assert!(dots.iter().all(|d| (d.y - 50.0).abs() < 1e-6));
    }

    #[test]
    fn a_tap_is_a_dot_and_undo_replays_the_rest() {
        let mut ink = Ink::new(Options::default());
        let first = stroke(&mut ink, &line(1.0));
        let tap = stroke(&mut ink, &[(5.0, 5.0, 0.0)]);
        assert_eq!(
            tap,
            vec![Dot {
                x: 5.0,
                y: 5.0,
                r: 1.5
            }]
        );
        assert_eq!(ink.undo(), first);
        assert_eq!(ink.strokes().len(), 1);
    }
}
