"""Test builders for 国密 (SM2) seals: a test PKI, SM2 CMS, SES seals, PDFs and OFD files.

Shared with the SKF/SM2 signing tests: ``pki`` makes keys and certificates, ``asn1`` writes
DER by hand (for the structures and deviations asn1crypto will not write), ``cms`` SM2 CMS,
``ses`` GB/T 38540 seals, ``pdf`` SM2-signed PDFs, ``ofd`` OFD packages.
"""
