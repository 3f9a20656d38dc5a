"""The audit's vocabulary: check families and statuses (a leaf module, so that every part may import it).
"""

FAMILY_INTERNAL = "total dalam dataset"


FAMILY_CROSS = "antar dataset"


FAMILY_PUBLISHED = "publikasi vs hitungan"


#: A printed total against its printed parts in the same table of the document.
FAMILY_DOCUMENT = "dalam dokumen"


#: The same figure printed in several places of the document.
FAMILY_PLACES = "antar tempat"


FAMILIES = (FAMILY_INTERNAL, FAMILY_CROSS, FAMILY_PUBLISHED, FAMILY_DOCUMENT, FAMILY_PLACES)


SESUAI = "sesuai"


SELISIH = "selisih"


#: A published figure the raw data cannot recompute (``keterangan`` says why).
TIDAK_DIPERIKSA = "tidak_dapat_diperiksa"


STATUSES = (SESUAI, SELISIH, TIDAK_DIPERIKSA)
