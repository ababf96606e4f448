//! The store's catalogue on this page: read once from the device (the sync worker keeps the
//! endpoint's copy, `storage::CATALOGUE_KEY`), so the search works offline, with the time the
//! catalogue and its stock are as of. The search finds labour operations and parts by code
//! or name and hands the chosen one to the screen as an order line item.

use crate::i18n::order::OrderMsg;
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::storage::CATALOGUE_KEY;
use lanecheck_domain::catalogue::Catalogue;
use lanecheck_domain::order::{Item, PartSource};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// At most this many labour operations and this many parts are listed per search.
const SHOWN: usize = 8;

#[derive(Clone, Copy)]
pub struct Cat {
    /// `None` while it is read; `Some(false)` when the device has none.
    held: RwSignal<Option<bool>>,
    data: StoredValue<Catalogue, LocalStorage>,
}

pub fn provide_catalogue() {
    let jobs = use_jobs();
    let cat = Cat {
        held: RwSignal::new(None),
        data: StoredValue::new_local(Catalogue::default()),
    };
    provide_context(cat);
    spawn_local(async move {
        let text = jobs.meta(CATALOGUE_KEY).await;
        let read = text.and_then(|t| serde_json::from_str::<Catalogue>(&t).ok());
        let held = read.is_some();
        if let Some(catalogue) = read {
            cat.data.set_value(catalogue);
        }
        cat.held.set(Some(held));
    });
}

fn source_label(source: PartSource) -> OrderMsg {
    match source {
        PartSource::Original => OrderMsg::SourceOriginal,
        PartSource::Aftermarket => OrderMsg::SourceAftermarket,
        PartSource::Repaired => OrderMsg::SourceRepaired,
    }
}

/// A found entry: what is shown and the line item it becomes.
struct Found {
    name: String,
    detail: String,
    item: Item,
}

/// The search box and its results; "Add" hands the entry's line item to `add`.
#[component]
pub fn CatalogueSearch(
    /// The search field's id.
    id: &'static str,
    add: Callback<Item>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cat: Cat = expect_context();
    // A search, not data of the order: it is not kept as a draft.
    let query = RwSignal::new(String::new());
    let status = move || match cat.held.get() {
        None => None,
        Some(false) => Some(i18n.t(OrderMsg::CatalogueMissing).to_string()),
        Some(true) => {
            let as_of = cat.data.with_value(|c| c.as_of);
            as_of.map(|t| {
                let time = local_date_time(t, i18n.locale().tag());
                i18n.format(OrderMsg::CatalogueAsOf, &[("time", &time)])
            })
        }
    };
    let found = move || {
        cat.held.track();
        let typed = query.get();
        cat.data.with_value(|c| {
            let (labour, parts) = c.search(&typed, SHOWN);
            let labour = labour.into_iter().map(|op| Found {
                name: op.name.clone(),
                detail: format!("{} · {} h × {}", op.code, op.hours.decimal(), op.rate),
                item: op.item(),
            });
            let parts = parts.into_iter().map(|p| {
                let stock = match p.stock {
                    Some(n) => i18n.format(OrderMsg::InStock, &[("n", &n.to_string())]),
                    None => i18n.t(OrderMsg::StockUnknown).to_string(),
                };
                let source = i18n.t(source_label(p.source));
                Found {
                    name: p.name.clone(),
                    detail: format!(
                        "{} · {} · {source} · {}/{} · {stock}",
                        p.code, p.spec, p.price, p.unit
                    ),
                    item: p.item(),
                }
            });
            (
                typed.trim().is_empty(),
                labour.chain(parts).collect::<Vec<_>>(),
            )
        })
    };
    let results = move || {
        let (empty, found) = found();
        if empty {
            return ().into_any();
        }
        if found.is_empty() {
            return view! { <p class="hint">{i18n.t(OrderMsg::NoResults)}</p> }.into_any();
        }
        let rows = found
            .into_iter()
            .map(|f| {
                let label = format!("{} {}", i18n.t(OrderMsg::AddToOrder), f.name);
                let item = f.item;
                view! {
                    <li class="found">
                        <span class="what"><strong>{f.name}</strong><small>{f.detail}</small></span>
                        <button type="button" aria-label=label on:click=move |_| add.run(item.clone())>
                            {i18n.t(OrderMsg::AddToOrder)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="found-list">{rows}</ul> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{i18n.t(OrderMsg::SearchCatalogue)}</label>
            <input id=id type="search" autocomplete="off" prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <p class="hint" role="status">{status}</p>
        </div>
        {results}
    }
}
