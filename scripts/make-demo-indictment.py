#!/usr/bin/env python3
# Writes the demo case's fictional superseding indictment as a PDF on pleading paper (line
# numbers restarting on every page, double spacing, an ECF header and a page footer), the way
# a court filing arrives. LibreOffice lays it out, so the PDF has embedded fonts, automatic
# hyphenation and real glyph positions rather than the idealised ones of the test writer.
#
#   python3 scripts/make-demo-indictment.py     # needs soffice (LibreOffice 7+)
#
# Every name, number and event in it is invented for the demo case.
import html, os, shutil, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "assets", "demo", "superseding-indictment-united-states-v-marlow.pdf")

CAPTION = [
    ("Center", "FICTIONAL DOCUMENT — WRITTEN FOR THE DOSSIER DEMO CASE. NOT A REAL COURT FILING."),
    ("Center", "UNITED STATES DISTRICT COURT"),
    ("Center", "DISTRICT OF NORTH HAVEN"),
    ("Left", ""),
    ("Left", "UNITED STATES OF AMERICA"),
    ("Left", "v."),
    ("Left", "VIKTOR ANDREYEVICH MARLOW,"),
    ("Left", "a/k/a \u201cVik Spamsky,\u201d"),
    ("Left", "a/k/a \u201cSevera,\u201d"),
    ("Left", "and LENA PETROVNA KORSAK,"),
    ("Left", "a/k/a \u201cMailer,\u201d"),
    ("Left", "Defendants."),
    ("Left", ""),
    ("Left", "Criminal No. 3:17-cr-00214 (DEMO)"),
    ("Left", ""),
    ("Center", "SUPERSEDING INDICTMENT"),
    ("Left", ""),
    ("Left", "The Grand Jury charges:"),
    ("Center", "GENERAL ALLEGATIONS"),
]

BODY = [
    ("P", "1. From at least in or about 2009 through the present, the defendant VIKTOR ANDREYEVICH MARLOW operated a network of tens of thousands of infected computers, known as the \u201cKeldara\u201d botnet, from which he sent unsolicited email advertising pump-and-dump stock schemes, counterfeit pharmaceuticals and fraudulent employment offers."),
    ("P", "2. At all times relevant to this Superseding Indictment, the defendant LENA PETROVNA KORSAK rented the Keldara botnet\u2019s capacity to other criminals, collected their payments through virtual currency exchangers, and kept the accounts in which MARLOW recorded the price of each campaign."),
    ("P", "3. The Keldara botnet harvested the usernames and passwords that the owners of infected computers typed into their web browsers and email programs, and installed further malicious software on those computers without their owners\u2019 knowledge or authorization."),
    ("H", "COUNT ONE"),
    ("H", "(Conspiracy to Commit Wire Fraud)"),
    ("P", "4. Paragraphs 1 through 3 of this Superseding Indictment are incorporated by reference as if set forth in full herein."),
    ("P", "5. From in or about January 2016 through in or about April 2017, in the District of North Haven and elsewhere, the defendants MARLOW and KORSAK knowingly conspired to devise a scheme to defraud the recipients of the botnet\u2019s email, and to transmit wire communications in interstate and foreign commerce for the purpose of executing it, in violation of Title 18, United States Code, Section 1343."),
    ("H", "Overt Acts"),
    ("P", "6. In furtherance of the conspiracy, and to accomplish its objects, the defendants committed the following overt acts, among others, in the District of North Haven and elsewhere:"),
    ("P", "a. On or about March 3, 2017, MARLOW caused the Keldara botnet to send approximately 40 million unsolicited email messages promoting the shares of a thinly traded company."),
    ("P", "b. On or about March 9, 2017, KORSAK received a payment of approximately $25,000 in virtual currency for a campaign sent through the Keldara botnet."),
    ("P", "c. In or about March 2017, MARLOW instructed the infected computers to download an updated version of the Keldara software from a server located in New Haven."),
    ("P", "All in violation of Title 18, United States Code, Section 1349."),
    ("H", "COUNT TWO"),
    ("H", "(Wire Fraud)"),
    ("P", "7. On or about March 3, 2017, in the District of North Haven and elsewhere, the defendant MARLOW, for the purpose of executing the scheme described above, caused to be transmitted by means of wire communication in interstate commerce the email messages described in paragraph 6(a), in violation of 18 U.S.C. \u00a7\u00a7 1343 and 2."),
    ("H", "COUNT THREE"),
    ("H", "(Intentional Damage to a Protected Computer)"),
    ("P", "8. In or about March 2017, in the District of North Haven and elsewhere, the defendant MARLOW knowingly caused the transmission of a program, information, code and command, and as a result of such conduct intentionally caused damage without authorization to ten or more protected computers during a one-year period, in violation of 18 U.S.C. \u00a7 1030(a)(5)(A)."),
    ("H", "COUNT FOUR"),
    ("H", "(Aggravated Identity Theft)"),
    ("P", "9. On or about April 2, 2017, in the District of North Haven and elsewhere, the defendant KORSAK knowingly possessed and used, without lawful authority, a means of identification of another person, namely the username and password of a victim\u2019s email account, during and in relation to the wire fraud charged in Count Two, in violation of 18 U.S.C. \u00a7 1028A(a)(1)."),
    ("H", "FORFEITURE ALLEGATION"),
    ("P", "10. Upon conviction of the offenses alleged in Counts One through Three, the defendants shall forfeit to the United States any property constituting, or derived from, proceeds obtained directly or indirectly as a result of those offenses."),
    ("L", "A TRUE BILL."),
    ("L", "/s/ Foreperson"),
    ("L", "Dated: June 15, 2017"),
    ("L", "New Haven, North Haven"),
]

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>United States v. Marlow and Korsak — Superseding Indictment (fictional)</dc:title><meta:initial-creator>Dossier demo</meta:initial-creator><dc:creator>Dossier demo</dc:creator><meta:creation-date>2017-06-15T09:30:00</meta:creation-date></office:meta>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="en" fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2" loext:hyphenation-no-caps="true"/></style:default-style>
 <style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="200%" fo:text-indent="0.5in"/></style:style>
 <style:style style:name="L" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="200%"/></style:style>
 <style:style style:name="Left" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/></style:style>
 <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="200%"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Hdr" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
 <text:linenumbering-configuration text:number-lines="true" text:offset="0.3in" style:num-format="1" text:number-position="left" text:increment="1" text:restart-on-page="true" text:count-empty-lines="true"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.6in" fo:margin-bottom="0.6in" fo:margin-left="1.25in" fo:margin-right="1in"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-bottom="0.2in"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-top="0.2in"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
 <style:header><text:p text:style-name="Hdr">Case 3:17-cr-00214-DEMO Document 41 Filed 06/15/17 Page <text:page-number text:select-page="current"/> of <text:page-count/></text:p></style:header>
 <style:footer><text:p text:style-name="Hdr"><text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
'''


def main():
    paras = CAPTION + BODY
    body = "\n".join(
        '<text:p text:style-name="%s">%s</text:p>' % (style, html.escape(text)) for style, text in paras
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "superseding-indictment-united-states-v-marlow.fodt")
        with open(src, "w") as f:
            f.write(HEAD + body + "\n</office:text></office:body></office:document>\n")
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(src[:-5] + ".pdf", OUT)
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
