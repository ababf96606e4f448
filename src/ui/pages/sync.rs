//! The sync page: the queue — every job not in step with the server and why —, "sync now",
//! and where this device sends its jobs (endpoint, token, device name, "test connection").

use crate::i18n::desk_text::DeskMsg;
use crate::i18n::{state_label, Msg};
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::state::sync::{use_sync, Setting};
use crate::ui::components::badges::sync_badge;
use crate::ui::components::text_field::TextField;
use lanecheck_domain::{Job, JobId};
use lanecheck_sync::endpoint::{parse_endpoint, EndpointError};
use lanecheck_sync::report::{JobState, Tested};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SyncPage() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let sync = use_sync();
    let drafts = crate::state::drafts::use_drafts();
    drafts.enter("sync".into());
    let loaded = RwSignal::new(Vec::<Setting>::new());
    Effect::new(move |_| {
        if jobs.loaded.get() {
            spawn_local(async move {
                loaded.set(sync.load(jobs, drafts).await);
            });
        }
    });
    // What is typed is a draft until it is saved: an endpoint that is not allowed stays one.
    let typed = move |setting: Setting| {
        move |ev: leptos::ev::Event| drafts.keep(setting.key(), &event_target_value(&ev))
    };
    let endpoint_error = RwSignal::new(None::<String>);
    // The endpoint is checked when it is left or tested; what was typed stays in the field
    // and is stored (tidied: no spaces, no trailing slash) only once it is allowed.
    let endpoint_ok = move || match parse_endpoint(&sync.endpoint.get_untracked()) {
        Ok(endpoint) => {
            sync.endpoint.set(endpoint);
            endpoint_error.set(None);
            true
        }
        Err(err) => {
            endpoint_error.set(Some(
                i18n.t(match err {
                    EndpointError::Empty => DeskMsg::EndpointEmpty,
                    EndpointError::NotAnAddress => DeskMsg::EndpointNotAddress,
                    EndpointError::NotHttps => DeskMsg::EndpointNotHttps,
                })
                .to_string(),
            ));
            false
        }
    };
    let save = move |setting: Setting| {
        if setting != Setting::Endpoint || endpoint_ok() {
            spawn_local(async move {
                let _ = sync.save(jobs, drafts, setting).await;
            });
        }
    };
    // Drafts left by a closed page are saved once read, those that are allowed.
    Effect::new(move |_| {
        for setting in loaded.get() {
            save(setting);
        }
    });
    let asked = RwSignal::new(false);
    let test = move |_| {
        if endpoint_ok() {
            asked.set(true);
            sync.test();
        }
    };
    let tested = move || {
        asked.get().then(|| match sync.tested.get() {
            None => i18n.t(DeskMsg::Connecting).to_string(),
            Some(Tested::Connected { store, advisor }) => i18n.format(
                DeskMsg::Connected,
                &[("store", &store), ("advisor", &advisor)],
            ),
            Some(Tested::Unauthorized) => i18n.t(DeskMsg::ConnUnauthorized).to_string(),
            Some(Tested::Unreachable) => i18n.t(DeskMsg::ConnUnreachable).to_string(),
            Some(Tested::Refused(m)) => i18n.format(DeskMsg::ConnRefused, &[("m", &m)]),
        })
    };
    let badge = move || sync.report.with(|r| sync_badge(i18n, r));
    view! {
        <section class="page" aria-labelledby="sync-title">
            <h1 id="sync-title">{i18n.t(DeskMsg::NavSync)}</h1>
            <p><span class=move || badge().1>{move || badge().0}</span></p>
            <h2>{i18n.t(DeskMsg::QueueTitle)}</h2>
            <Queue/>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| sync.now()>
                    {i18n.t(DeskMsg::SyncNow)}
                </button>
            </div>
            <h2>{i18n.t(DeskMsg::SettingsTitle)}</h2>
            <div on:change=move |_| save(Setting::Endpoint) on:input=typed(Setting::Endpoint)>
                <TextField id="sync-endpoint" label=i18n.t(DeskMsg::SyncEndpoint) value=sync.endpoint
                    kind="url" hint=i18n.t(DeskMsg::SyncEndpointHint) error=endpoint_error/>
            </div>
            <div on:change=move |_| save(Setting::Token) on:input=typed(Setting::Token)>
                <TextField id="sync-token" label=i18n.t(DeskMsg::SyncToken) value=sync.token kind="password"/>
            </div>
            <div on:change=move |_| save(Setting::Device) on:input=typed(Setting::Device)>
                <TextField id="sync-device" label=i18n.t(DeskMsg::SyncDevice) value=sync.device
                    hint=i18n.t(DeskMsg::SyncDeviceHint)/>
            </div>
            <div class="actions">
                <button type="button" on:click=test>{i18n.t(DeskMsg::TestConnection)}</button>
            </div>
            <p class="connection" role="status" aria-label=i18n.t(DeskMsg::TestConnection)>{tested}</p>
        </section>
    }
}

/// Every job not in step with the server, with the reason.
#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let sync = use_sync();
    move || {
        let entries = sync.report.with(|r| r.jobs.clone());
        if entries.is_empty() {
            return view! { <p class="empty">{i18n.t(DeskMsg::QueueEmpty)}</p> }.into_any();
        }
        let name = move |id: JobId| match jobs.job(id) {
            Some(job) => format!("{} · {}", job.vehicle.plate, id.short()),
            None => id.short(),
        };
        view! {
            <ul class="queue">
                {entries.into_iter().map(|(id, state)| {
                    let conflict = (state == JobState::Conflict).then(|| view! { <Copies id/> });
                    let (text, class) = match state {
                        JobState::Waiting => (i18n.t(Msg::JobWaiting).to_string(), "pill sync-busy"),
                        JobState::Refused(m) => (i18n.format(DeskMsg::JobRefused, &[("m", &m)]), "pill sync-attention"),
                        JobState::Conflict => (i18n.t(DeskMsg::JobConflict).to_string(), "pill sync-attention"),
                    };
                    view! {
                        <li>
                            <a href=format!("/jobs/{id}")>{name(id)}</a>
                            <span class=class>{text}</span>
                            {conflict}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// A job in conflict: this device's copy and the server's, side by side, both kept.
#[component]
fn Copies(id: JobId) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let server = RwSignal::new(None::<Job>);
    spawn_local(async move {
        if let Some(copy) = jobs.server_copy(id).await {
            server.try_set(Some(copy));
        }
    });
    let facts = move |title: Msg, job: Job| {
        let signed = job.signature.as_ref().map(|s| {
            let at = local_date_time(s.signed_at, i18n.locale().tag());
            i18n.format(Msg::SignedBy, &[("n", &s.signer), ("t", &at)])
        });
        let seal: Option<String> = job.seal.as_ref().map(|s| s.chars().take(12).collect());
        view! {
            <section class="side" aria-label=i18n.t(title)>
                <h3>{i18n.t(title)}</h3>
                <p>{i18n.t(state_label(job.state))}</p>
                <p>{signed}</p>
                <p>{i18n.t(Msg::SealLabel)} " " <code>{seal}</code></p>
            </section>
        }
    };
    move || {
        let mine = jobs.job(id)?;
        let theirs = server.get()?;
        Some(view! {
            <div class="copies">
                {facts(Msg::ThisDeviceCopy, mine)}
                {facts(Msg::ServerCopy, theirs)}
            </div>
        })
    }
}
