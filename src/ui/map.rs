//! The world map: Natural Earth borders (assets/map/countries-110m.ron) drawn as bevy 2D meshes
//! in a Pacific-centred equirectangular projection, each scenario state coloured by the chosen
//! lens, the player's trade flows as arcs, pan (drag) and zoom (wheel), hover for a tooltip,
//! click to select a state.
//!
//! The geometry (projection, triangulation, hit testing, lens colours) is plain functions so it
//! is tested without a GPU.

use bevy::asset::RenderAssetUsages;
use bevy::input::mouse::AccumulatedMouseScroll;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use serde::Deserialize;

use super::state::{Lens, MapFocus};
use super::view::View;
use crate::i18n::Lang;

/// The sea's colour.
pub const OCEAN: Color = Color::srgb(0.08, 0.11, 0.16);

/// The sea behind the countries (despawned with them when a new game starts).
#[derive(Component)]
pub struct Ocean;

/// Pixels per degree at zoom 1.
pub const SCALE: f32 = 3.2;
/// Longitude at the centre of the map: the Pacific, between Japan and the United States.
pub const CENTRE_LON: f32 = 160.0;

#[derive(Debug, Clone, Deserialize)]
pub struct MapCountry {
    pub iso3: String,
    pub name: String,
    pub rings: Vec<Vec<(f32, f32)>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MapFile {
    pub countries: Vec<MapCountry>,
}

/// The map data, embedded at build time from assets/map/.
pub fn load() -> Result<MapFile, String> {
    let src = include_str!("../../assets/map/countries-110m.ron");
    ron::from_str(src).map_err(|e| format!("assets/map/countries-110m.ron: {e}"))
}

/// The message that names the map's country `iso3` (assets/i18n/LANG/countries.ftl):
/// "country-BRA". A code that is not only letters and digits becomes a plain Fluent key: each
/// "-" is written "n", any other such character "_" (Natural Earth's "-99": "country-n99").
pub fn country_key(iso3: &str) -> String {
    let code: String = iso3
        .chars()
        .map(|c| match c {
            '-' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '_',
        })
        .collect();
    format!("country-{code}")
}

/// The map's country `iso3` named in the current language (its `country_key` message), for a
/// country that is not a state of the scenario; the map file's English name when no message
/// names it, its code when the map does not have it either.
pub fn country_name(iso3: &str) -> String {
    let key = country_key(iso3);
    if crate::i18n::has(Lang::En, &key) || crate::i18n::has(crate::i18n::lang(), &key) {
        return crate::tr!(&key);
    }
    static ENGLISH: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    ENGLISH
        .get_or_init(|| {
            load()
                .map(|m| m.countries.into_iter().map(|c| (c.iso3, c.name)).collect())
                .unwrap_or_default()
        })
        .iter()
        .find(|(code, _)| code == iso3)
        .map_or_else(|| iso3.to_string(), |(_, name)| name.clone())
}

/// Longitude/latitude to map coordinates, with longitudes wrapped around `CENTRE_LON`.
pub fn project(lon: f32, lat: f32) -> Vec2 {
    let x = (lon - CENTRE_LON + 540.0).rem_euclid(360.0) - 180.0;
    Vec2::new(x * SCALE, lat * SCALE)
}

/// A ring in map coordinates, unwrapped so it never jumps across the seam (a ring that crosses
/// it just runs past the map's edge).
pub fn project_ring(ring: &[(f32, f32)]) -> Vec<Vec2> {
    let mut out: Vec<Vec2> = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let mut p = project(lon, lat);
        if let Some(prev) = out.last() {
            let span = 360.0 * SCALE;
            while p.x - prev.x > span / 2.0 {
                p.x -= span;
            }
            while prev.x - p.x > span / 2.0 {
                p.x += span;
            }
        }
        out.push(p);
    }
    out
}

/// Triangles of a ring (earcut), as indices into it.
pub fn triangulate(ring: &[Vec2]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    earcut::Earcut::new().earcut(ring.iter().map(|p| [p.x, p.y]), &[] as &[u32], &mut out);
    out
}

/// Even–odd point-in-polygon test.
pub fn contains(ring: &[Vec2], p: Vec2) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> Color {
    let t = t.clamp(0.0, 1.0);
    Color::srgb(
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    )
}

const RED: [f32; 3] = [0.80, 0.22, 0.20];
const GREY: [f32; 3] = [0.55, 0.55, 0.55];
const BLUE: [f32; 3] = [0.20, 0.42, 0.85];
const GREEN: [f32; 3] = [0.25, 0.65, 0.35];
const AMBER: [f32; 3] = [0.90, 0.62, 0.15];

/// The colour of state `id` under a lens.
pub fn lens_colour(view: &View, lens: Lens, id: &str) -> Color {
    let Some(s) = view.states.iter().find(|s| s.id == id) else {
        return Color::srgb(0.22, 0.24, 0.27);
    };
    if s.id == view.player && lens != Lens::Alignment && lens != Lens::Approval {
        return Color::srgb(0.95, 0.85, 0.35);
    }
    match lens {
        Lens::Alignment => {
            let a = s.alignment as f32;
            if a >= 0.0 {
                mix(GREY, BLUE, a)
            } else {
                mix(GREY, RED, -a)
            }
        }
        Lens::Trust => {
            let t = s.trust_in_player as f32;
            if t >= 0.5 {
                mix(AMBER, GREEN, (t - 0.5) * 2.0)
            } else {
                mix(RED, AMBER, t * 2.0)
            }
        }
        Lens::Approval => mix(RED, GREEN, s.approval as f32),
        Lens::Escalation => {
            let rung = view
                .disputes
                .iter()
                .filter(|d| d.open && d.involves_player && (d.parties.0 == s.id || d.parties.1 == s.id))
                .map(|d| d.rung.index())
                .max();
            match rung {
                None => mix(GREY, GREEN, 0.6),
                Some(r) => mix(AMBER, RED, r as f32 / 4.0),
            }
        }
    }
}

/// One drawn country.
#[derive(Component, Debug, Clone)]
pub struct MapShape {
    pub iso3: String,
    pub name: String,
    /// The scenario state it belongs to.
    pub state: Option<String>,
    pub rings: Vec<Vec<Vec2>>,
    /// Label point: centre of its largest ring's bounding box.
    pub anchor: Vec2,
}

/// Which scenario state each map code belongs to (from the scenario's `map` lists).
#[derive(Resource, Debug, Clone, Default)]
pub struct MapOwners(pub Vec<(String, String)>);

#[derive(Component)]
pub struct MapCamera;

pub fn spawn_map(
    mut commands: Commands,
    owners: Res<MapOwners>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let data = match load() {
        Ok(d) => d,
        Err(e) => {
            error!("{e}");
            return;
        }
    };
    // The sea: the window is cleared to the panels' colour (settings::clear_to_panel_colour), so
    // the map brings its own background, behind the countries and far beyond any pan or zoom.
    commands.spawn((
        Ocean,
        Mesh2d(meshes.add(Rectangle::new(360.0 * SCALE * 40.0, 180.0 * SCALE * 40.0))),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(OCEAN))),
        Transform::from_xyz(0.0, 0.0, -1.0),
    ));
    for c in data.countries {
        let rings: Vec<Vec<Vec2>> = c.rings.iter().map(|r| project_ring(r)).collect();
        let (mut positions, mut indices): (Vec<[f32; 3]>, Vec<u32>) = (Vec::new(), Vec::new());
        for ring in &rings {
            let base = positions.len() as u32;
            positions.extend(ring.iter().map(|p| [p.x, p.y, 0.0]));
            indices.extend(triangulate(ring).into_iter().map(|i| base + i));
        }
        if indices.is_empty() {
            continue;
        }
        let largest = rings.iter().max_by_key(|r| r.len()).cloned().unwrap_or_default();
        let (lo, hi) = largest
            .iter()
            .fold((Vec2::MAX, Vec2::MIN), |(lo, hi), p| (lo.min(*p), hi.max(*p)));
        let mesh = Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::default())
            .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
            .with_inserted_indices(Indices::U32(indices));
        let state = owners
            .0
            .iter()
            .find(|(code, _)| *code == c.iso3)
            .map(|(_, s)| s.clone());
        commands.spawn((
            Mesh2d(meshes.add(mesh)),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(Color::srgb(0.22, 0.24, 0.27)))),
            Transform::default(),
            MapShape {
                iso3: c.iso3,
                name: c.name,
                state,
                rings,
                anchor: (lo + hi) / 2.0,
            },
        ));
    }
}

/// Recolour the countries by the lens.
pub fn colour_map(
    view: Res<View>,
    lens: Res<Lens>,
    focus: Res<MapFocus>,
    shapes: Query<(&MapShape, &MeshMaterial2d<ColorMaterial>)>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    for (shape, mat) in &shapes {
        let Some(mut m) = materials.get_mut(&mat.0) else {
            continue;
        };
        let mut c = match &shape.state {
            Some(id) => lens_colour(&view, *lens, id),
            None => Color::srgb(0.22, 0.24, 0.27),
        };
        let hovered = focus.hovered.as_ref().is_some_and(|(iso, _)| *iso == shape.iso3);
        let selected = shape.state.is_some() && focus.selected == shape.state;
        if hovered || selected {
            c = c.lighter(0.12);
        }
        if m.color != c {
            m.color = c;
        }
    }
}

/// Pan with the left mouse button dragged over the map, zoom with the wheel, hover and click.
/// The drag follows the cursor's positions, not raw mouse motion, which remote desktops and
/// virtual displays do not deliver.
pub fn map_input(
    buttons: Res<ButtonInput<MouseButton>>,
    scroll: Res<AccumulatedMouseScroll>,
    egui_input: Res<EguiWantsInput>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut camera: Query<(&Camera, &GlobalTransform, &mut Transform, &mut Projection), With<MapCamera>>,
    shapes: Query<&MapShape>,
    mut focus: ResMut<MapFocus>,
) {
    let Ok((cam, cam_transform, mut transform, mut projection)) = camera.single_mut() else {
        return;
    };
    let win = window.single().ok();
    let cursor = win.and_then(|w| w.cursor_position());
    let scale = win.map_or(1.0, |w| w.scale_factor());
    let outside_map = match (cursor, focus.viewport) {
        (Some(c), Some((x0, y0, x1, y1))) => {
            let (x, y) = (c.x * scale, c.y * scale);
            x < x0 || x > x1 || y < y0 || y > y1
        }
        _ => false,
    };
    let over_ui = egui_input.is_pointer_over_area() || egui_input.wants_pointer_input() || outside_map;
    let Projection::Orthographic(ortho) = &mut *projection else {
        return;
    };
    if buttons.just_pressed(MouseButton::Left) {
        focus.drag = match (cursor, over_ui) {
            (Some(c), false) => Some((c, 0.0)),
            _ => None,
        };
    }
    if buttons.pressed(MouseButton::Left)
        && let (Some((last, moved)), Some(c)) = (focus.drag, cursor)
    {
        let delta = c - last;
        transform.translation.x -= delta.x * ortho.scale;
        transform.translation.y += delta.y * ortho.scale;
        focus.drag = Some((c, moved + delta.length()));
    }
    if !over_ui && scroll.delta.y != 0.0 {
        ortho.scale = (ortho.scale * (1.0 - 0.1 * scroll.delta.y.signum())).clamp(0.15, 2.0);
    }
    let world = cursor.and_then(|c| cam.viewport_to_world_2d(cam_transform, c).ok());
    focus.hovered = match (world, over_ui) {
        (Some(p), false) => shapes
            .iter()
            .find(|s| s.rings.iter().any(|r| contains(r, p)))
            .map(|s| (s.iso3.clone(), s.state.clone())),
        _ => None,
    };
    if buttons.just_released(MouseButton::Left) {
        // A press that moved less than a few pixels is a click: select the country under it.
        let click = focus.drag.take().is_some_and(|(_, moved)| moved < 4.0);
        if click && let Some((_, Some(state))) = &focus.hovered {
            focus.selected = Some(state.clone());
        }
    }
}

/// The map's camera draws only the part of the window the panels leave free (`MapFocus::viewport`,
/// set by the layout each frame), not the whole window beneath them: on a software renderer
/// every pixel costs CPU, and two thirds of the map's were hidden. Outside a game (the menu)
/// it draws the whole window.
pub fn fit_camera_to_map(
    focus: Res<MapFocus>,
    screen: Res<State<super::state::Screen>>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut camera: Query<&mut Camera, With<MapCamera>>,
) {
    let Ok(mut cam) = camera.single_mut() else {
        return;
    };
    let want = match (screen.get(), focus.viewport, window.single()) {
        (super::state::Screen::Playing, Some(free), Ok(w)) => {
            viewport_within(free, w.physical_width(), w.physical_height())
        }
        _ => None,
    };
    let now = cam
        .viewport
        .as_ref()
        .map(|v| (v.physical_position, v.physical_size));
    if now != want {
        cam.viewport = want.map(|(physical_position, physical_size)| bevy::camera::Viewport {
            physical_position,
            physical_size,
            ..default()
        });
    }
}

/// The free rectangle (x0, y0, x1, y1 in physical pixels) as a viewport's position and size,
/// inside a target of `w` × `h` pixels (a viewport outside its target is an error in wgpu; the
/// rectangle may be a frame old while the window shrinks). None when nothing is left of it.
pub fn viewport_within(free: (f32, f32, f32, f32), w: u32, h: u32) -> Option<(UVec2, UVec2)> {
    let (x0, y0, x1, y1) = free;
    let clamp = |v: f32, max: u32| (v.max(0.0).round() as u32).min(max);
    let (x0, x1) = (clamp(x0, w), clamp(x1, w));
    let (y0, y1) = (clamp(y0, h), clamp(y1, h));
    (x1 > x0 && y1 > y0).then(|| (UVec2::new(x0, y0), UVec2::new(x1 - x0, y1 - y0)))
}

/// The player's trade with each partner as an arc from its country to theirs, width by value.
pub fn draw_arcs(mut gizmos: Gizmos, view: Res<View>, shapes: Query<&MapShape>) {
    let anchor = |id: &str| -> Option<Vec2> {
        shapes
            .iter()
            .filter(|s| s.state.as_deref() == Some(id))
            .max_by_key(|s| s.rings.iter().map(|r| r.len()).sum::<usize>())
            .map(|s| s.anchor)
    };
    let Some(home) = anchor(&view.player) else { return };
    let biggest = view.trade.iter().map(|t| t.1).fold(0.0, f64::max).max(1e-9);
    for (partner, value) in &view.trade {
        let Some(there) = anchor(partner) else { continue };
        let w = (value / biggest) as f32;
        let mid = (home + there) / 2.0 + Vec2::new(0.0, (home - there).length() * 0.25);
        let points: Vec<Vec2> = (0..=24)
            .map(|i| {
                let t = i as f32 / 24.0;
                home * (1.0 - t) * (1.0 - t) + mid * 2.0 * t * (1.0 - t) + there * t * t
            })
            .collect();
        let colour = Color::srgba(1.0, 0.85, 0.35, 0.25 + 0.7 * w);
        // Thicker arcs for bigger flows: parallel strokes.
        let strokes = 1 + (w * 4.0).round() as i32;
        for k in 0..strokes {
            let off = Vec2::new(0.0, (k as f32 - strokes as f32 / 2.0) * 0.6);
            gizmos.linestrip_2d(points.iter().map(|p| *p + off), colour);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_maps_viewport_stays_inside_the_window() {
        // The free area between the panels at 1280×800.
        assert_eq!(
            viewport_within((380.0, 44.0, 900.0, 680.0), 1280, 800),
            Some((UVec2::new(380, 44), UVec2::new(520, 636)))
        );
        // A frame-old rectangle after the window shrank is cut to the window.
        assert_eq!(
            viewport_within((380.0, 44.0, 900.0, 680.0), 800, 600),
            Some((UVec2::new(380, 44), UVec2::new(420, 556)))
        );
        // Panels wider than the window leave nothing: no viewport, never a zero-sized one.
        assert_eq!(viewport_within((700.0, 44.0, 600.0, 680.0), 1280, 800), None);
        assert_eq!(viewport_within((380.0, 44.0, 900.0, 680.0), 300, 800), None);
        assert_eq!(viewport_within((-5.0, -1.0, f32::NAN, 10.0), 1280, 800), None);
    }

    #[test]
    fn the_map_loads_and_every_country_triangulates() {
        let data = load().unwrap();
        assert!(data.countries.len() > 150);
        for code in ["JPN", "USA", "CHN", "CAN", "MEX", "VNM", "AUS"] {
            let c = data
                .countries
                .iter()
                .find(|c| c.iso3 == code)
                .unwrap_or_else(|| panic!("{code}"));
            let rings: Vec<Vec<Vec2>> = c.rings.iter().map(|r| project_ring(r)).collect();
            assert!(rings.iter().all(|r| !triangulate(r).is_empty()), "{code}");
        }
    }

    #[test]
    fn the_pacific_is_in_the_middle_and_points_hit_their_country() {
        let (tokyo, la) = (project(139.7, 35.7), project(-118.2, 34.0));
        assert!(tokyo.x < 0.0 && la.x > 0.0 && (la.x - tokyo.x) < 120.0 * SCALE);
        let data = load().unwrap();
        let japan = data.countries.iter().find(|c| c.iso3 == "JPN").unwrap();
        let hit = japan
            .rings
            .iter()
            .any(|r| contains(&project_ring(r), project(138.5, 36.0)));
        assert!(hit, "central Honshu is in Japan");
    }
}
