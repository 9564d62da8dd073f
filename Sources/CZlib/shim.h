// zlib, used only to inflate the gzip-compressed digits data set.
#include <zlib.h>
