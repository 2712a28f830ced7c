// FreeXL (Debian libfreexl-dev): a small reader of legacy Excel (.xls, BIFF) workbooks.
#include <freexl.h>
