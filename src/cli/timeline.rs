//! `timeline` and `event …`.

use clap::{Args as ClapArgs, Subcommand};
use dossier::model::{
    EventInput, EventKind, EventRecord, ReviewStatus, SpanCitation, TimelineQuery,
};
use dossier::{Case, Error, Result};

use super::attribution::print_json;
use dossier::text::short;

#[derive(ClapArgs, Debug)]
pub struct TimelineArgs {
    /// Events overlapping this date or later (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Events overlapping this date or earlier.
    #[arg(long)]
    to: Option<String>,
    /// Only events involving this person or organisation.
    #[arg(long)]
    entity: Option<String>,
    /// publication, extracted or manual.
    #[arg(long)]
    kind: Option<String>,
    /// auto, confirmed, rejected or edited (rejected events are hidden otherwise).
    #[arg(long)]
    status: Option<String>,
    /// Only events carrying this tag (any case: tags are compared lower-cased).
    #[arg(long)]
    tag: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    /// Print CSV (id, value, earliest, latest, precision, kind, status, conflict, title,
    /// entities, sources, tags) for a spreadsheet.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Subcommand, Debug)]
pub enum EventCommand {
    /// Show one event with its sources.
    Show {
        id: i64,
    },
    /// Add an event by hand.
    Add {
        #[arg(long)]
        title: String,
        /// YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-MM-DDTHH:MM.
        #[arg(long)]
        date: String,
        #[arg(long)]
        description: Option<String>,
        /// A source span, DOC:START-END in characters (repeatable).
        #[arg(long = "cite", value_name = "DOC:START-END")]
        cites: Vec<String>,
        /// A tag (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// Correct an event's title, description or date, add sources to it, or set its tags.
    Edit {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long = "cite", value_name = "DOC:START-END")]
        cites: Vec<String>,
        /// The event's tags become exactly these (repeatable); without it they stay.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Remove every tag of the event.
        #[arg(long, conflicts_with = "tags")]
        no_tags: bool,
    },
    /// Add tags to an event or remove some; its review status stays as it is.
    Tag {
        id: i64,
        /// A tag to add (repeatable).
        #[arg(long = "add", value_name = "TAG")]
        add: Vec<String>,
        /// A tag to remove (repeatable).
        #[arg(long = "remove", value_name = "TAG")]
        remove: Vec<String>,
    },
    /// List the tags on the case's events with how many events carry each.
    Tags,
    Confirm {
        id: i64,
    },
    Reject {
        id: i64,
    },
    /// Merge events that report the same thing into INTO, keeping all their sources.
    Merge {
        into: i64,
        #[arg(required = true)]
        from: Vec<i64>,
    },
}

fn citation(text: &str) -> Result<SpanCitation> {
    let bad = || {
        Error::invalid_input(format!(
            "'{text}' is not a citation: use DOC:START-END, e.g. 3:120-188"
        ))
    };
    let (doc, span) = text
        .trim_start_matches('d')
        .split_once(':')
        .ok_or_else(bad)?;
    let (start, end) = span.split_once('-').ok_or_else(bad)?;
    Ok(SpanCitation {
        doc_id: doc.parse().map_err(|_| bad())?,
        start: start.parse().map_err(|_| bad())?,
        end: end.parse().map_err(|_| bad())?,
    })
}

fn print_events(events: &[EventRecord]) {
    for e in events {
        println!(
            "e{:<6} {:<10} … {:<10} {:<8} {:<11} {:<9}{} {}",
            e.id,
            e.earliest,
            e.latest,
            e.precision,
            e.kind.as_str(),
            e.status.as_str(),
            if e.conflict { " CONFLICT" } else { "" },
            short(&e.title, 80)
        );
        if e.conflict {
            for s in &e.sources {
                println!(
                    "         d{} says {} ({}): {}",
                    s.doc_id,
                    s.value,
                    s.date_text.as_deref().unwrap_or("as added"),
                    short(&s.doc_title, 50)
                );
            }
        }
    }
}

pub fn timeline_query(args: &TimelineArgs) -> Result<TimelineQuery> {
    Ok(TimelineQuery {
        from: args.from.clone(),
        to: args.to.clone(),
        entity: args.entity.clone(),
        kind: args
            .kind
            .as_deref()
            .map(|k| {
                EventKind::parse(k).ok_or_else(|| {
                    Error::invalid_input(format!(
                        "unknown event kind '{k}'; use publication, extracted or manual"
                    ))
                })
            })
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(|s| {
                ReviewStatus::parse(s).ok_or_else(|| {
                    Error::invalid_input(format!(
                        "unknown status '{s}'; use auto, confirmed, rejected or edited"
                    ))
                })
            })
            .transpose()?,
        tag: args.tag.clone(),
        limit: args.limit,
        longest: None,
    })
}

pub fn timeline(case: &Case, args: TimelineArgs, json: bool) -> Result<()> {
    let query = timeline_query(&args)?;
    if args.csv && !json {
        case.export_timeline_csv(&query, None, dossier::Existing::Replace)?;
        return Ok(());
    }
    let events = case.timeline(&query)?;
    if json {
        return print_json(&events);
    }
    print_events(&events);
    Ok(())
}

pub fn event(case: &Case, command: EventCommand, json: bool) -> Result<()> {
    let event = match command {
        EventCommand::Tags => {
            let tags = case.event_tags()?;
            if json {
                return print_json(&tags);
            }
            for t in &tags {
                println!("{:>6}  {}", t.count, t.tag);
            }
            return Ok(());
        }
        EventCommand::Tag { id, add, remove } => {
            if add.is_empty() && remove.is_empty() {
                return Err(Error::invalid_input(
                    "name a tag to add (--add TAG) or to remove (--remove TAG)",
                ));
            }
            case.tag_event(id, &add, &remove)?
        }
        EventCommand::Show { id } => case.event(id)?,
        EventCommand::Add {
            title,
            date,
            description,
            cites,
            tags,
        } => case.add_event(&EventInput {
            title: Some(title),
            date: Some(date),
            description,
            sources: cites.iter().map(|c| citation(c)).collect::<Result<_>>()?,
            tags: Some(tags),
        })?,
        EventCommand::Edit {
            id,
            title,
            date,
            description,
            cites,
            tags,
            no_tags,
        } => case.edit_event(
            id,
            &EventInput {
                title,
                date,
                description,
                sources: cites.iter().map(|c| citation(c)).collect::<Result<_>>()?,
                tags: (no_tags || !tags.is_empty()).then_some(tags),
            },
        )?,
        EventCommand::Confirm { id } => case.review_event(id, ReviewStatus::Confirmed)?,
        EventCommand::Reject { id } => case.review_event(id, ReviewStatus::Rejected)?,
        EventCommand::Merge { into, from } => case.merge_events(into, &from)?,
    };
    if json {
        return print_json(&event);
    }
    print_events(std::slice::from_ref(&event));
    if !event.tags.is_empty() {
        println!("         tags: {}", event.tags.join(", "));
    }
    for s in &event.sources {
        println!(
            "         d{}:{}-{} {} — {}",
            s.doc_id,
            s.start,
            s.end,
            s.value,
            short(&s.doc_title, 60)
        );
    }
    Ok(())
}
