#include <sqlite3.h>

/* Variadic sqlite3 functions cannot be called from Swift; these wrap the few Loa needs. */
static inline int loa_sqlite3_db_config_defensive(sqlite3 *db, int on) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, (int *)0);
}
