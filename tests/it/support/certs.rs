//! Certificates for the TLS tests of team cases, made with OpenSSL in the test itself: a
//! root authority and a server certificate it signs for the names given, so a test can
//! check both a trusted server and one whose certificate should be refused.

use openssl::asn1::Asn1Time;
use openssl::bn::{BigNum, MsbOption};
use openssl::hash::MessageDigest;
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::x509::extension::{BasicConstraints, KeyUsage, SubjectAlternativeName};
use openssl::x509::{X509NameBuilder, X509};

pub struct Authority {
    pub cert: X509,
    key: PKey<Private>,
}

fn key() -> PKey<Private> {
    PKey::from_rsa(Rsa::generate(2048).expect("an RSA key")).expect("a key")
}

fn builder(common_name: &str, key: &PKey<Private>) -> openssl::x509::X509Builder {
    let mut name = X509NameBuilder::new().unwrap();
    name.append_entry_by_text("CN", common_name).unwrap();
    let name = name.build();
    let mut b = X509::builder().unwrap();
    b.set_version(2).unwrap();
    let mut serial = BigNum::new().unwrap();
    serial.rand(64, MsbOption::MAYBE_ZERO, false).unwrap();
    b.set_serial_number(&serial.to_asn1_integer().unwrap())
        .unwrap();
    b.set_subject_name(&name).unwrap();
    b.set_pubkey(key).unwrap();
    b.set_not_before(&Asn1Time::days_from_now(0).unwrap())
        .unwrap();
    b.set_not_after(&Asn1Time::days_from_now(2).unwrap())
        .unwrap();
    b
}

impl Authority {
    pub fn new(common_name: &str) -> Authority {
        let key = key();
        let mut b = builder(common_name, &key);
        // Self-signed: the issuer is the subject.
        let mut issuer = X509NameBuilder::new().unwrap();
        issuer.append_entry_by_text("CN", common_name).unwrap();
        b.set_issuer_name(&issuer.build()).unwrap();
        b.append_extension(BasicConstraints::new().critical().ca().build().unwrap())
            .unwrap();
        b.append_extension(
            KeyUsage::new()
                .critical()
                .key_cert_sign()
                .crl_sign()
                .build()
                .unwrap(),
        )
        .unwrap();
        b.sign(&key, MessageDigest::sha256()).unwrap();
        Authority {
            cert: b.build(),
            key,
        }
    }

    /// A server certificate for `names` (DNS names), signed by this authority, with its key,
    /// both as PEM.
    pub fn server(&self, names: &[&str]) -> (Vec<u8>, Vec<u8>) {
        let key = key();
        let mut b = builder(names[0], &key);
        b.set_issuer_name(self.cert.subject_name()).unwrap();
        let mut alt = SubjectAlternativeName::new();
        for name in names {
            alt.dns(name);
        }
        let alt = alt
            .build(&b.x509v3_context(Some(&self.cert), None))
            .unwrap();
        b.append_extension(alt).unwrap();
        b.sign(&self.key, MessageDigest::sha256()).unwrap();
        (
            b.build().to_pem().unwrap(),
            key.private_key_to_pem_pkcs8().unwrap(),
        )
    }

    pub fn pem(&self) -> Vec<u8> {
        self.cert.to_pem().unwrap()
    }
}
