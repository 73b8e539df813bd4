"""国密 (SM2/SM3) verification: SM2 CMS, GB/T 38540 electronic seals (SES) and OFD files.

Plain Python, no Qt. Modules, each named for what it holds:

- ``oids``: the GM object identifiers, registered with asn1crypto so the structures parse;
- ``sm2``: SM3 digests, the SM2 Z value and SM2 signature verification (gmssl-pyx);
- ``certs``: tolerant certificate reading and SM2 chain building against the trust store;
- ``cms``: SM2 CMS SignedData in both OID families (PKCS#7 and GM/T 0010);
- ``ses``: SES_Signature versions 1 and 4 (5) with the seal and its maker's signature;
- ``ofd``: OFD packages (GB/T 33190): references, signed values, later seals;
- ``pdf``: what a PDF's /Contents holds and how to verify an SES one;
- ``outcome``: one seal's result, mapped onto the common :class:`SignatureReport`.
"""
