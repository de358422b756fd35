//! The screen's layout: the top bar, the news and orders, the side panels, the map's share,
//! and the windows over it. Panels draw the `View`; what the user does comes back as actions.

use super::*;
use crate::tr;

pub(super) fn draw(
    mut contexts: EguiContexts,
    view: Res<View>,
    mut focus: ResMut<MapFocus>,
    settings: Res<settings::Settings>,
    renderer: Res<Renderer>,
    mut overlays: ResMut<Overlays>,
    mut sidebar: ResMut<Sidebar>,
    mut out: ResMut<UiActions>,
    hotseat: Option<Res<Hotseat>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    crate::ui::settings::apply_scale(&ctx, settings.ui_scale);
    settings::apply_theme(&ctx, settings.high_contrast, *renderer);
    settings::apply_fonts(&ctx);
    let mut root = crate::ui::root_ui(&ctx, "root");
    let actions = &mut out.0;
    // Hotseat between turns: the hand-over screen alone, over the whole window; no shortcut
    // acts and the map takes no input (it has no free rectangle) until the next team clicks.
    if let Some((to, from)) = hotseat.as_ref().and_then(|h| h.handing_to.clone()) {
        focus.viewport = Some((0.0, 0.0, 0.0, 0.0));
        focus.hovered = None;
        egui::CentralPanel::default().show(&mut root, |ui| {
            actions.extend(panels::hand_over(
                ui,
                &view.name(&to),
                from.map(|f| view.name(&f)).as_deref(),
                &view.date,
            ));
        });
        return Ok(());
    }
    // Shortcuts first: a key they take is gone before a focused button could see it.
    actions.extend(keys::shortcuts(&ctx));
    egui::Panel::top("top_bar")
        .frame(see_through(&ctx))
        .show(&mut root, |ui| actions.extend(panels::top_bar(ui, &view)));
    // Windows stay below the top bar, so its clock and buttons are never covered.
    let below_top = root.available_rect_before_wrap();
    egui::Panel::bottom("news")
        .frame(see_through(&ctx))
        .default_size(150.0)
        .min_size(120.0)
        .show(&mut root, |ui| {
            ui.columns(2, |cols| {
                actions.extend(panels::news(&mut cols[0], &view));
                egui::ScrollArea::vertical()
                    .id_salt("orders_scroll")
                    .show(&mut cols[1], |ui| actions.extend(panels::orders(ui, &view)));
            })
        });
    // Side panels keep their width whatever they show (a long name no longer widens them), and
    // at a projector's UI scale they give up width so the map keeps a third of the window.
    let side = (root.available_rect_before_wrap().width() * 0.33).clamp(300.0, 380.0);
    egui::Panel::left("states")
        .frame(see_through(&ctx))
        .resizable(false)
        .min_size(side)
        .max_size(side)
        .show(&mut root, |ui| {
            panels::tabs(ui, &mut sidebar);
            match sidebar.tab {
                Tab::Government => {
                    panels::dashboard(ui, &view);
                    panels::lobbies(ui, &view);
                    ui.separator();
                    actions.extend(panels::states(ui, &view))
                }
                Tab::Industries => actions.extend(panels::industries(ui, &view, &mut sidebar)),
                Tab::Relations => actions.extend(panels::relations(ui, &view)),
            }
        });
    egui::Panel::right("disputes")
        .frame(see_through(&ctx))
        .resizable(false)
        .min_size(side)
        .max_size(side)
        .show(&mut root, |ui| actions.extend(panels::disputes(ui, &view)));
    // The scroll to a dispute picked in the news happens once (the view was built with it).
    if view.scroll_to_dispute {
        focus.scroll_to_dispute = false;
    }
    // What the panels leave is the map's: remember it in physical pixels for `map_input`.
    let free = root.available_rect_before_wrap();
    let ppp = ctx.pixels_per_point();
    focus.viewport = Some((
        free.min.x * ppp,
        free.min.y * ppp,
        free.max.x * ppp,
        free.max.y * ppp,
    ));
    let mut open = overlays.draft.is_some();
    if let Some(draft) = overlays.draft.as_mut() {
        titled(tr!("game-window-negotiation"), "Negotiation")
            .open(&mut open)
            .default_width(460.0)
            .constrain_to(below_top)
            .show(&ctx, |ui| {
                let sent = panels::negotiation(ui, &view, draft);
                actions.extend(sent);
            });
    }
    // Closed unsent: keep the package for the next time this dispute's window opens.
    if !open && let Some(d) = overlays.draft.take() {
        overlays.drafts.insert(d.dispute.clone(), d);
    }
    if let Some(shown) = overlays.forecast.as_ref() {
        let mut open = true;
        titled(tr!("game-window-forecast"), "Forecast")
            .open(&mut open)
            .default_width(480.0)
            .constrain_to(below_top)
            .show(&ctx, |ui| actions.extend(panels::forecast_window(ui, shown)));
        if !open {
            actions.push(Action::CloseForecast);
        }
    }
    if view.results_due() && !overlays.results_hidden {
        titled(tr!("game-window-end"), "End of the scenario")
            .default_width(560.0)
            .default_height(600.0)
            .max_height(below_top.height() - 20.0)
            .constrain_to(below_top)
            .vscroll(true)
            .show(&ctx, |ui| actions.extend(panels::end_screen(ui, &view)));
    }
    let mut briefing = overlays.briefing;
    if briefing && view.month == 0 {
        titled(tr!("game-window-briefing"), "Briefing")
            .open(&mut briefing)
            .default_width(560.0)
            .constrain_to(below_top)
            .show(&ctx, |ui| {
                panels::briefing(ui, &view);
            });
        overlays.briefing = briefing;
    }
    if view.prompt.is_some() && !view.results_due() && !(overlays.briefing && view.month == 0) {
        // Above the other windows (a step may be about the negotiation window itself), in the
        // map's bottom-right corner, clear of the negotiation window at the top.
        let screen = ctx.viewport_rect();
        titled(tr!("game-window-tutorial"), "Tutorial")
            .order(egui::Order::Foreground)
            .anchor(
                egui::Align2::RIGHT_BOTTOM,
                egui::vec2(
                    free.right() - screen.right() - 8.0,
                    free.bottom() - screen.bottom() - 8.0,
                ),
            )
            .default_width(300.0)
            .collapsible(true)
            .resizable(false)
            .show(&ctx, |ui| panels::prompt(ui, &view));
    }
    if let Some(c) = &view.class {
        // Over the map's bottom-left corner, clear of the side panel.
        titled(tr!("game-window-class"), "Class game")
            .default_pos(egui::pos2(free.left() + 8.0, free.bottom() - 250.0))
            .default_width(360.0)
            .constrain_to(below_top)
            .collapsible(true)
            .show(&ctx, |ui| actions.extend(panels::class_window(ui, c)));
    }
    let mut shown = overlays.settings;
    titled(tr!("game-window-settings"), "Settings")
        .open(&mut shown)
        .constrain_to(below_top)
        .show(&ctx, |ui| actions.extend(panels::settings(ui, &settings)));
    if overlays.settings && !shown {
        // Closed with a name still being typed: keep it.
        actions.push(Action::KeepSettings);
    }
    overlays.settings = shown;
    let mut help = overlays.help;
    titled(tr!("game-window-help"), "Help")
        .open(&mut help)
        .constrain_to(below_top)
        .show(&ctx, keys::help);
    overlays.help = help;
    let mut glossary = overlays.glossary;
    titled(tr!("game-window-glossary"), "Glossary")
        .open(&mut glossary)
        .constrain_to(below_top)
        .default_width(420.0)
        .show(&ctx, panels::glossary);
    overlays.glossary = glossary;
    if let (Some((iso, state)), Some(pos)) = (&focus.hovered, ctx.pointer_hover_pos()) {
        egui::Area::new(egui::Id::new("map_hover"))
            .fixed_pos(pos + egui::vec2(16.0, 16.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(&ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| panels::map_tooltip(ui, &view, iso, state.as_deref()));
            });
    }
    Ok(())
}

/// A side panel's frame without its fill: the window is cleared to the panel colour
/// (`settings::clear_to_panel_colour`), so egui draws only what is on the panel. On a software
/// renderer that took a sixth off the frame time.
fn see_through(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::side_top_panel(&ctx.global_style()).fill(egui::Color32::TRANSPARENT)
}

/// A window titled in the current language, whose id is its English title: the same window
/// (its place, its size) whatever the language.
fn titled(title: String, id: &str) -> egui::Window<'static> {
    egui::Window::new(title).id(egui::Id::new(id))
}
