//! Which quoted stretches are direct quotes and how far a quote reaches, one test per class of
//! error found on PolNeAR's train split (issue 15, third round). Every sentence here is made up
//! for the test.

use super::*;

/// The quote whose text starts with `prefix`.
fn quote<'a>(got: &'a [Quote], prefix: &str) -> &'a Quote {
    got.iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {got:#?}"))
}

#[test]
fn a_quote_resumes_after_an_attribution_that_runs_on() {
    let text = "\"It looks like we will win the vote,\" Lena Park said of the bill, \"because the numbers are on our side.\"";
    let got = extract(text);
    let q = quote(&got, "It looks like");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    assert!(q.text.ends_with("on our side."), "{}", q.text);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Park")
    );
    // A place with abbreviations in the clause does not end it.
    let text = "\"I think the judge will be fair,\" Omar Haddad said at a rally in Dayton, Ohio, \"but people will be watching.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "I think the judge").spans.len(), 2);
    // "But" before a lowercase continuation.
    let text = "\"You know, I like Tom,\" he said, but \"when it comes to taxes, Tom is wrong.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "You know").spans.len(), 2);
}

#[test]
fn a_second_cue_starts_a_quote_of_its_own() {
    let text =
        "\"It has been a long week,\" Ann Marlow said, adding, \"We are ready for the vote.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "It has been").spans.len(), 1);
    assert_eq!(quote(&got, "We are ready").kind, QuoteKind::Direct);
    // A sentence end between two quotes keeps them apart here; continuation is decided elsewhere.
    let text = "\"It has been a long week,\" Ann Marlow said on Monday. The vote was delayed, \"and nobody knows why.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "It has been").spans.len(), 1);
}

#[test]
fn capitalised_words_a_speech_verb_attributes_are_speech_not_a_title() {
    let got = extract("\"Your Honor,\" I said, \"I would like to answer the question.\"");
    let q = quote(&got, "Your Honor");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.spans.len(), 2);
    let got =
        extract("\"Like Dayton. Or Toledo,\" Lena Park said. \"The numbers are worse there.\"");
    assert_eq!(quote(&got, "Like Dayton").kind, QuoteKind::Direct);
    // A title that no speech verb attributes stays a title.
    let got = extract("The senator likes \"The Walking Dead,\" a zombie drama.");
    assert_eq!(quote(&got, "The Walking Dead").kind, QuoteKind::Scare);
}

#[test]
fn a_quote_that_ends_its_sentence_is_not_resumed_by_the_next_one() {
    // `"A." He adds, "B."`: the second quote is one of its own, spoken by the same person.
    let text = "\"The race is far from over.\" He adds, \"In a campaign things get heated.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "The race is").spans.len(), 1);
    assert_eq!(quote(&got, "In a campaign").kind, QuoteKind::Direct);
    let text = "\"Would you have told her?\" Omar Haddad answered, \"I have no idea.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "I have no idea").kind, QuoteKind::Direct);
}

#[test]
fn a_quote_goes_on_after_a_long_attribution_sentence() {
    // The attribution sentence runs past 40 tokens and names someone else 40 tokens before its
    // end: it is still the one that holds the first half's closing mark, so the second half is the
    // same quote.
    let text = "\"We will keep the clinic open as long as the town needs it,\" said Lena Park, who chairs a charity that Omar Haddad and his sister founded at a small dinner with friends and family in Dayton in the spring of 1998, after the great flood of that year had closed the old county hospital on Main Street for good. \"Nobody here wants to drive an hour to see a doctor.\"";
    let got = extract(text);
    let q = quote(&got, "We will keep");
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    assert!(q.text.ends_with("see a doctor."), "{}", q.text);
}

#[test]
fn a_quote_goes_on_after_a_clause_with_no_known_cue() {
    // `"A," the ad states. "B."`: the clause after the comma attributes the first half even when
    // its verb is not a cue, and the second half continues it.
    let text = "\"The mayor has never once shown up for this neighborhood,\" a narrator in the new ad intones. \"Next week, you can show up for yourself.\"";
    let got = extract(text);
    let q = quote(&got, "The mayor has");
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    // A quote that ended its own sentence is not continued that way.
    let text = "\"The mayor has never once shown up for this neighborhood.\" The ad ran twice. \"Next week, you can show up for yourself.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "The mayor has").spans.len(), 1);
}

#[test]
fn a_quote_after_a_quote_over_two_paragraphs_continues_it() {
    // A quote over two paragraphs whose second paragraph ends with its attribution: the quote
    // after that attribution continues it, in the paragraph where the first quote ended.
    let text = "\"We have done the work. The plan is ready.\n\n\"I will not apologise for it. Not once,\" Ann Marlow went on. \"The vote is on Monday.\"";
    let got = extract(text);
    let q = quote(&got, "We have done");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(q.text.ends_with("on Monday."), "{}", q.text);
}

#[test]
fn a_paragraph_that_is_only_a_quote_goes_on_with_the_quote_before() {
    // `"A," Lee said.¶"B."`: the marks close and reopen across paragraphs, the speech goes on.
    let text = "\"We have waited long enough for this bridge,\" Lena Park said.\n\n\"Next spring, the first cars will cross it.\"\n\nThe council meets again in May.";
    let got = extract(text);
    let q = quote(&got, "We have waited");
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    assert!(q.text.ends_with("cross it."), "{}", q.text);
    // The same when the first quote's clause names no one a rule can read.
    let text = "\"We have waited long enough for this bridge,\" is how the mayor's ad begins.\n\n\"Next spring, the first cars will cross it.\"";
    assert_eq!(quote(&extract(text), "We have waited").spans.len(), 2);
    // Not when the next paragraph goes on past its quote, or narrative lies between.
    let text = "\"We have waited long enough for this bridge,\" Lena Park said.\n\n\"Next spring, the first cars will cross it,\" Omar Haddad said.";
    assert_eq!(quote(&extract(text), "We have waited").spans.len(), 1);
    let text = "\"We have waited long enough for this bridge,\" Lena Park said. The vote was close.\n\n\"Next spring, the first cars will cross it.\"";
    assert_eq!(quote(&extract(text), "We have waited").spans.len(), 1);
}

#[test]
fn a_lowercase_quote_after_a_comma_finishes_the_writers_sentence() {
    // The quote completes a sentence begun outside the marks: part of the report, not direct.
    let text = "If the levy fails again, Lena Park said, \"we will simply put it on the ballot next year.\"";
    let got = extract(text);
    let q = quote(&got, "we will simply");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Park")
    );
    // A capitalised sentence after the same clause is a direct quote.
    let text = "If the levy fails again, Lena Park said, \"We will simply put it on the ballot next year.\"";
    assert_eq!(
        quote(&extract(text), "We will simply").kind,
        QuoteKind::Direct
    );
}

#[test]
fn a_quote_after_that_and_a_comma_is_part_of_a_report() {
    // "that" makes the quote the complement of the report, even with a comma before the mark.
    let text = "Lena Park told the board that, \"We cannot open the clinic before the fall.\"";
    assert_eq!(
        quote(&extract(text), "We cannot open").kind,
        QuoteKind::Indirect
    );
}

#[test]
fn a_quote_after_a_dotted_abbreviation_starts_a_sentence() {
    // The abbreviation's period ends the attribution sentence as well, so the capitalised quote
    // after it continues the quote before.
    let text = "\"The plant will stay open,\" Lena Park said at a rally in Raleigh, N.C. \"Nobody is losing a job this year.\"";
    let got = extract(text);
    let q = quote(&got, "The plant will");
    assert_eq!(q.spans.len(), 2, "{q:#?}");
}

#[test]
fn a_party_tag_in_the_attribution_does_not_stop_the_quote_going_on() {
    // The period inside `(D-Ore.)` ends no sentence, so `said.` is still the first quote's
    // attribution and the next sentence in marks goes on with it.
    let text = "\"The bill is a gift to the banks,\" Rep. Lena Park (D-Ore.) said. \"Nobody in my district asked for it.\"";
    let got = extract(text);
    let q = quote(&got, "The bill is");
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn a_cue_inside_the_attribution_clause_starts_a_quote_of_its_own() {
    // "asking" comes after "sang to the crowd", inside the clause the first quote's attribution
    // runs to, and introduces the question: two quotes, not one split by its attribution.
    let text = "\"Keep the lights on for me,\" Lena Park sang to the crowd before asking them, \"Where do we go from here?\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Keep the lights").spans.len(), 1);
    assert_eq!(quote(&got, "Where do we go").kind, QuoteKind::Direct);
}

#[test]
fn the_way_a_source_put_it_is_a_direct_quote() {
    // "put it" before a comma and a mark quotes the source's own words, with the source
    // before it as the speaker.
    let text = "The plan was shelved in May. As the Ledger's Nora Quill put it, \"Nobody wanted to own the bill.\"";
    let got = extract(text);
    let q = quote(&got, "Nobody wanted");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(q.speaker.is_some(), "{q:#?}");
    // "put" as any other verb introduces nothing.
    let text = "She put the sign, \"Closed for good,\" in the window.";
    let got = extract(text);
    assert_eq!(quote(&got, "Closed for good").kind, QuoteKind::Scare);
}

#[test]
fn stating_and_interjecting_introduce_direct_quotes() {
    let text = "The campaign sent an email to donors stating, \"We will not stop until the count is done.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "We will not stop").kind, QuoteKind::Direct);
    let text = "Lee tried to calm the room by interjecting, \"Only the mayor.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Only the mayor").kind, QuoteKind::Direct);
}

#[test]
fn an_excerpt_after_a_headline_and_byline_is_not_speech() {
    // A newsletter's clippings: a headline in marks, its byline, and the article's opening.
    let text = "\"Harbor ferry to stop at midnight,\" by the Ledger's Nora Quill: \"The city will end late ferry service next month, officials said.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "The city will end").kind, QuoteKind::Scare);
    // A colon introduction with a name and no byline stays speech.
    let text = "The mayor had one answer for them: \"We will not cut the ferry.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "We will not cut").kind, QuoteKind::Direct);
}

#[test]
fn chanting_and_singing_introduce_direct_quotes() {
    // What a crowd chants or a singer sings after the verb is said aloud, as after "shouting".
    let text =
        "Nurses walked the picket line outside the clinic, chanting, \"Fair pay, fair hours!\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Fair pay").kind, QuoteKind::Direct);
    let text =
        "The choir led the mourners out of the hall, singing, \"We will meet again, my friends.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "We will meet").kind, QuoteKind::Direct);
}

#[test]
fn a_slogan_after_a_voiced_cue_is_speech_not_a_title() {
    // Capitalised words read like a title or a slogan, but after a verb of raising the voice
    // they are what was shouted or chanted.
    let text =
        "About forty dockers blocked the gate, holding banners and shouting \"Save Our Harbor.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Save Our Harbor").kind, QuoteKind::Direct);
    // After a cue that takes a written work as its object, they stay a title.
    let text = "Nora Quill, who wrote \"Harbor Lights at Dawn,\" will read at the library.";
    let got = extract(text);
    assert_eq!(quote(&got, "Harbor Lights").kind, QuoteKind::Scare);
}

#[test]
fn a_lowercase_quote_after_an_attribution_that_opens_the_sentence_is_direct() {
    // The writer lowercased the speaker's first word, but the sentence is the speaker's clause
    // and the quote: nothing of the writer's own comes before it.
    let text = "The mayor spoke for an hour. He added, \"nobody here wants the ferry to stop.\"";
    let got = extract(text);
    let q = quote(&got, "nobody here wants");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(q.speaker.is_some(), "{q:#?}");
    // A quote that finishes a sentence the writer began stays part of the report.
    let text = "If the bill fails, Lena Park said, \"we will try again next year.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "we will try again").kind, QuoteKind::Indirect);
    // So does one after a clause that runs on past the cue.
    let text = "Lena Park said on the other hand, \"the current plan works fine for most people.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "the current plan").kind, QuoteKind::Indirect);
}

#[test]
fn a_capitalised_cue_word_inside_a_name_is_no_cue() {
    // "States" in "the United States" is part of a name, not the verb "states", so the quote
    // after it is a fragment of Lee's indirect sentence.
    let text = "Omar Haddad said the United States \"must do more to help the harbor towns.\"";
    let got = extract(text);
    assert_ne!(quote(&got, "must do more").kind, QuoteKind::Direct);
}

#[test]
fn a_cue_earlier_in_the_sentence_introduces_a_quote_after_a_comma() {
    // The attribution parser reads back only to the comma before the mark; an adverb or a
    // clause set off by commas lies between the cue and the quote.
    let text =
        "Omar Haddad acknowledged, however, \"As they say, the past is no guide to the future.\"";
    let got = extract(text);
    let q = quote(&got, "As they say");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Omar Haddad")
    );
    // A quote joined by a conjunction finishes the writer's clause.
    let text = "Lena Park said the plan for the harbor towns is a problem because, \"In the end, we vote for someone.\"";
    let got = extract(text);
    assert_ne!(quote(&got, "In the end").kind, QuoteKind::Direct);
}

#[test]
fn a_quoted_item_after_a_scare_quote_is_part_of_the_list() {
    // Titles and terms listed one after another: the second mark opens right after the first
    // one closes, which otherwise reads as a new sentence of speech.
    let text = "The actor had parts in \"Harbor Lights,\" \"Apollo 9,\" and \"The Long Night.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Apollo 9").kind, QuoteKind::Scare);
    let text = "Critics called him a \"shock jock,\" \"an entertainer,\" but also a reporter.";
    let got = extract(text);
    assert_eq!(quote(&got, "an entertainer").kind, QuoteKind::Scare);
}

#[test]
fn a_title_followed_by_a_passive_participle_is_not_speech() {
    // `"…," a drama directed by X` describes a work; "directed" is no verb of saying here.
    let text = "This week, \"Harborfall,\" a drama directed by Nora Quill, opens in Dayton.";
    let got = extract(text);
    assert_eq!(quote(&got, "Harborfall").kind, QuoteKind::Scare);
    // An unlisted verb after a described source still attributes the quote.
    let text = "\"We will win this,\" a voter interrupted.";
    let got = extract(text);
    assert_eq!(quote(&got, "We will win").kind, QuoteKind::Direct);
}

#[test]
fn a_title_before_a_cue_does_not_absorb_the_quote_after_it() {
    // The title is not speech, so the cue after it introduces a quote of its own.
    let text = "Lena Park said on \"Morning Desk,\" adding, \"The harbor plan is not dead yet.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "Morning Desk").kind, QuoteKind::Scare);
    let q = quote(&got, "The harbor plan");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Park")
    );
}

#[test]
fn a_last_paragraph_attributed_again_is_a_quote_of_its_own() {
    // A quote runs over two paragraphs (no closing mark at the end of the first), and the writer
    // attributes the second paragraph again: that paragraph starts a new quote.
    let text = "Lena Park said: \"The harbor plan is dead for this year.\n\n\"We will try again next spring,\" Park said. \"Nobody gives up here.\"";
    let got = extract(text);
    let first = quote(&got, "The harbor plan");
    assert_eq!(first.spans.len(), 1, "{first:#?}");
    let q = quote(&got, "We will try again");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(q.text.ends_with("Nobody gives up here."), "{}", q.text);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Park")
    );
    // Without a new attribution the paragraphs stay one quote.
    let text = "Lena Park said: \"The harbor plan is dead for this year.\n\n\"We will try again next spring.\"";
    let got = extract(text);
    assert_eq!(quote(&got, "The harbor plan").spans.len(), 2);
}

#[test]
fn a_later_quote_does_not_go_on_with_a_title() {
    // The title has an attribution of sorts (`it also lists`), but no speech for the next quoted
    // item to continue.
    let text = "In addition to \"Harbor Lights,\" it also lists \"The Catch,\" \"Long Night Rising\" from a cable channel.";
    let got = extract(text);
    let q = quote(&got, "Harbor Lights");
    assert_eq!(q.spans.len(), 1, "{got:#?}");
}

#[test]
fn a_fragment_ending_a_reported_sentence_is_that_speakers() {
    // The next sentence's cue does not claim the fragment: the cue earlier in its own sentence
    // reports it.
    let text = "Lena Park said the harbor plan \"is far too costly.\" Omar Haddad said the town would vote in May.";
    let got = extract(text);
    let q = quote(&got, "is far too costly");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Park")
    );
    // Without a second sentence the fragment has a speaker too, not a scare quote's nobody.
    let got = extract("Omar Haddad told the council the deal was \"a disgrace.\"");
    let q = quote(&got, "a disgrace");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Omar Haddad")
    );
}

#[test]
fn a_quote_a_colon_cue_introduces_resumes_after_its_attribution() {
    // The cue before the mark gives the speaker, and the clause after the first half still
    // splits the quote: the lowercase half goes on with it, not as a fragment of its own.
    let text = "Ruiz fired back: \"As a friend of the mayor,\" he wrote, \"we know you are on our side, too. You just play a critic on the radio!\"";
    let got = extract(text);
    let q = quote(&got, "As a friend");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.spans.len(), 2, "{q:#?}");
    assert!(q.text.ends_with("on the radio!"), "{}", q.text);
    assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Ruiz"));
    assert!(
        !got.iter().any(|q| q.text.starts_with("we know")),
        "{got:#?}"
    );
}

#[test]
fn a_quoted_term_in_the_writers_sentence_is_no_first_half() {
    // "steady hand," ends in a comma before the cue, but it is the writer's phrase, not the
    // first half of what Marlow said.
    let text = "Praising the mayor's \"steady hand,\" Ann Marlow said, \"Leave the politics aside, she has done the work.\"";
    let got = extract(text);
    let q = quote(&got, "Leave the politics");
    assert_eq!(q.kind, QuoteKind::Direct, "{got:#?}");
    assert_eq!(q.spans.len(), 1, "{q:#?}");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ann Marlow")
    );
}

#[test]
fn a_second_half_with_its_own_attribution_is_a_quote_of_its_own() {
    let text = "\"His mood is grim,\" she said, but despite the long fight, \"I think he will do it,\" said Kim Lowe.";
    let got = extract(text);
    assert_eq!(quote(&got, "His mood").spans.len(), 1, "{got:#?}");
    let q = quote(&got, "I think he will");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Kim Lowe")
    );
}
