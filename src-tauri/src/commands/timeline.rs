//! Commands of the timeline: a big case's per-day counts and the lean points the canvas draws,
//! the titles of the events it lists, one event's details, and a person's additions, edits,
//! reviews, merges and tags. The reads go to the read-only handle while an import or the
//! extraction stage writes.

use dossier::model::{
    EventInput, EventRecord, EventTagCount, ReviewStatus, TimelineDensity, TimelinePoints,
    TimelineQuery,
};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn timeline(app: AppHandle, query: TimelineQuery) -> Result<Vec<EventRecord>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.timeline(&query))).await
}

#[tauri::command]
pub async fn timeline_points(
    app: AppHandle,
    query: TimelineQuery,
) -> Result<TimelinePoints, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.timeline_points(&query))
    })
    .await
}

#[tauri::command]
pub async fn timeline_density(
    app: AppHandle,
    query: TimelineQuery,
) -> Result<TimelineDensity, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.timeline_density(&query))
    })
    .await
}

#[tauri::command]
pub async fn event_titles(app: AppHandle, ids: Vec<i64>) -> Result<Vec<String>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.event_titles(&ids))).await
}

#[tauri::command]
pub async fn get_event(app: AppHandle, id: i64) -> Result<EventRecord, Error> {
    blocking(app, move |s| s.with_reader(|case| case.event(id))).await
}

#[tauri::command]
pub async fn add_event(app: AppHandle, input: EventInput) -> Result<EventRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.add_event(&input))).await
}

#[tauri::command]
pub async fn edit_event(app: AppHandle, id: i64, input: EventInput) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.edit_event(id, &input))
    })
    .await
}

#[tauri::command]
pub async fn review_event(
    app: AppHandle,
    id: i64,
    status: ReviewStatus,
) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.review_event(id, status))
    })
    .await
}

#[tauri::command]
pub async fn merge_events(app: AppHandle, into: i64, from: Vec<i64>) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.merge_events(into, &from))
    })
    .await
}

#[tauri::command]
pub async fn tag_event(
    app: AppHandle,
    id: i64,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.tag_event(id, &add, &remove))
    })
    .await
}

#[tauri::command]
pub async fn event_tags(app: AppHandle) -> Result<Vec<EventTagCount>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.event_tags())).await
}
