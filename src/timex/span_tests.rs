//! Span errors fixed in the fourth round of issue 15: words tagged that are no temporal
//! expression of their own, and expressions missed. Each test is named after what broke;
//! every sentence is made up for it and none is gold text.

use super::tests::check;

#[test]
fn a_month_and_its_relative_year_are_one_expression() {
    let r = "2011-10-20";
    check(
        "The plant opened in June last year and will close in March next year.",
        r,
        &[("June last year", "2010-06"), ("March next year", "2012-03")],
    );
    check(
        "Talks began in early February this year.",
        r,
        &[("early February this year", "2011-02")],
    );
    // With "of" between, the two are tagged apart.
    check(
        "The lease runs out after May of next year.",
        r,
        &[("May", "2012-05"), ("next year", "2012")],
    );
}
