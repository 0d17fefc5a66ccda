"""What API readers see: published facts, each as one stored document with its citations.

- `document`: the fact document, defined once: the serializers the API publishes as its
  schema, which also write every record.
- `records`: the write side. A public fact's record (`Fact.public_record`) is rebuilt in
  the transaction of every change readers could see.
- `queries`: the read side. Which facts are public, a page of records by keyset, filters.
- `cache`: the revision that keys cached answers and ETags, and the two-tier answer cache.
- `claimreview`: a fact document as schema.org ClaimReview.
"""
