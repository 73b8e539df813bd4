/*
 * softskf: a software SKF UKEY (GM/T 0016-2012 ABI) over OpenSSL 3's SM2, for tests and the demo.
 *
 * The program loads this library exactly as it loads a vendor's SKF DLL, so the tests exercise
 * the real code path. Each device is a state file "<name>.skf" in the directory named by the
 * environment variable SOFTSKF_DIR (keys, certificates, PIN hashes, retry counters); the file is
 * re-read on every call and replaced atomically when it changes, so several processes see one
 * device. A file "<name>.removed" beside it makes the device vanish: it is no longer listed, and
 * every call on a handle opened on it returns SAR_DEVICE_REMOVED (the UKEY was pulled out).
 *
 * Standard calls implemented: device (EnumDev, ConnectDev, DisConnectDev, GetDevState,
 * GetDevInfo), application (EnumApplication, OpenApplication, CloseApplication), PIN
 * (GetPINInfo, VerifyPIN, ChangePIN, ClearSecureState), container (EnumContainer,
 * CreateContainer, OpenContainer, CloseContainer, GetContainerType, ImportCertificate,
 * ExportCertificate), SM2 (GenECCKeyPair, ExportPublicKey, ECCSignData). One extra entry,
 * SOFTSKF_InitDevice, creates a blank device (the job a vendor's personalisation tool does).
 *
 * Types follow GM/T 0016: ULONG is 32 bits, BOOL is a 32-bit int, structures are packed.
 * This is test equipment: the private key sits in the state file, readable by its owner.
 *
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ecdsa.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#ifdef _WIN32
#include <windows.h>
#define DEVAPI __stdcall
#define EXPORT __declspec(dllexport)
#else
#include <pthread.h>
#include <unistd.h>
#define DEVAPI
#define EXPORT __attribute__((visibility("default")))
#endif

typedef uint8_t BYTE;
typedef char CHAR;
typedef int32_t BOOL;
typedef uint32_t ULONG;
typedef void *HANDLE;
typedef HANDLE DEVHANDLE;
typedef HANDLE HAPPLICATION;
typedef HANDLE HCONTAINER;
typedef CHAR *LPSTR;

#define SAR_OK 0x00000000
#define SAR_FAIL 0x0A000001
#define SAR_NOTSUPPORTYETERR 0x0A000003
#define SAR_FILEERR 0x0A000004
#define SAR_INVALIDHANDLEERR 0x0A000005
#define SAR_INVALIDPARAMERR 0x0A000006
#define SAR_NAMELENERR 0x0A000009
#define SAR_INDATALENERR 0x0A000010
#define SAR_KEYNOTFOUNTERR 0x0A00001B
#define SAR_CERTNOTFOUNTERR 0x0A00001C
#define SAR_BUFFER_TOO_SMALL 0x0A000020
#define SAR_DEVICE_REMOVED 0x0A000023
#define SAR_PIN_INCORRECT 0x0A000024
#define SAR_PIN_LOCKED 0x0A000025
#define SAR_PIN_LEN_RANGE 0x0A000027
#define SAR_USER_TYPE_INVALID 0x0A00002A
#define SAR_APPLICATION_NOT_EXISTS 0x0A00002E
#define SAR_USER_NOT_LOGGED_IN 0x0A00002D
#define SAR_FILE_ALREADY_EXIST 0x0A00002F
#define SAR_FILE_NOT_EXIST 0x0A000031
#define SAR_REACH_MAX_CONTAINER_COUNT 0x0A000032

#define ADMIN_TYPE 0
#define USER_TYPE 1
#define SGD_SM2_1 0x00020100
#define DEV_PRESENT_STATE 0x00000001
#define DEV_ABSENT_STATE 0x00000000

#define MIN_PIN 6
#define MAX_PIN 16
#define MAX_CONTAINERS 8
#define MAX_KEY_DER 512
#define MAX_CERT 8192
#define MAX_NAME 64
#define MAX_PATH_LEN 1024
#define MAX_HANDLES 256

#pragma pack(push, 1)
typedef struct {
    BYTE major;
    BYTE minor;
} VERSION;

typedef struct {
    VERSION Version;
    CHAR Manufacturer[64];
    CHAR Issuer[64];
    CHAR Label[32];
    CHAR SerialNumber[32];
    VERSION HWVersion;
    VERSION FirmwareVersion;
    ULONG AlgSymCap;
    ULONG AlgAsymCap;
    ULONG AlgHashCap;
    ULONG DevAuthAlgId;
    ULONG TotalSpace;
    ULONG FreeSpace;
    ULONG MaxECCBufferSize;
    ULONG MaxBufferSize;
    BYTE Reserved[64];
} DEVINFO;

typedef struct {
    ULONG BitLen;
    BYTE XCoordinate[64];
    BYTE YCoordinate[64];
} ECCPUBLICKEYBLOB;

typedef struct {
    BYTE r[64];
    BYTE s[64];
} ECCSIGNATUREBLOB;
#pragma pack(pop)

/* ---- device state (one file per device) ------------------------------------------------- */

typedef struct {
    char name[MAX_NAME + 1];
    ULONG type; /* 0 empty, 1 RSA, 2 SM2 */
    BYTE key[MAX_KEY_DER];
    size_t key_len;
    BYTE cert[MAX_CERT];
    size_t cert_len;
} Container;

typedef struct {
    char label[32];
    char serial[32];
    char manufacturer[64];
    char app[MAX_NAME + 1];
    BYTE user_salt[16], user_hash[32], admin_salt[16], admin_hash[32];
    ULONG user_max, user_left, admin_max, admin_left;
    int user_default;
    int ncont;
    Container cont[MAX_CONTAINERS];
} State;

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int unhex(const char *hex, BYTE *out, size_t max, size_t *len)
{
    size_t n = strlen(hex);
    if (n % 2 || n / 2 > max) return 0;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return 0;
        out[i] = (BYTE)(hi * 16 + lo);
    }
    *len = n / 2;
    return 1;
}

static void puthex(FILE *f, const char *key, const BYTE *data, size_t len)
{
    fprintf(f, "%s=", key);
    for (size_t i = 0; i < len; i++) fprintf(f, "%02x", data[i]);
    fputc('\n', f);
}

static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) n = size - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static const char *state_dir(void)
{
    const char *dir = getenv("SOFTSKF_DIR");
    return (dir && *dir) ? dir : NULL;
}

static int device_path(const char *dir, const char *name, const char *suffix, char *out)
{
    if (!dir || !name || !*name || strlen(name) > MAX_NAME || strpbrk(name, "/\\") != NULL)
        return 0;
    return snprintf(out, MAX_PATH_LEN, "%s/%s%s", dir, name, suffix) < MAX_PATH_LEN;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int is_removed(const char *dir, const char *name)
{
    char path[MAX_PATH_LEN];
    if (!device_path(dir, name, ".skf", path) || !file_exists(path)) return 1;
    if (!device_path(dir, name, ".removed", path)) return 1;
    return file_exists(path);
}

static int load_state(const char *dir, const char *name, State *st)
{
    char path[MAX_PATH_LEN];
    static char line[2 * MAX_CERT + 128];
    Container *c = NULL;
    size_t len;
    FILE *f;
    if (!device_path(dir, name, ".skf", path)) return 0;
    memset(st, 0, sizeof(*st));
    f = fopen(path, "r");
    if (!f) return 0;
    while (fgets(line, sizeof(line), f)) {
        char *eq = strchr(line, '='), *v;
        line[strcspn(line, "\r\n")] = 0;
        if (!eq) continue;
        *eq = 0;
        v = eq + 1;
        if (!strcmp(line, "label")) copy_text(st->label, sizeof(st->label), v);
        else if (!strcmp(line, "serial")) copy_text(st->serial, sizeof(st->serial), v);
        else if (!strcmp(line, "manufacturer"))
            copy_text(st->manufacturer, sizeof(st->manufacturer), v);
        else if (!strcmp(line, "app")) copy_text(st->app, sizeof(st->app), v);
        else if (!strcmp(line, "user_salt")) unhex(v, st->user_salt, 16, &len);
        else if (!strcmp(line, "user_hash")) unhex(v, st->user_hash, 32, &len);
        else if (!strcmp(line, "admin_salt")) unhex(v, st->admin_salt, 16, &len);
        else if (!strcmp(line, "admin_hash")) unhex(v, st->admin_hash, 32, &len);
        else if (!strcmp(line, "user_max")) st->user_max = (ULONG)strtoul(v, NULL, 10);
        else if (!strcmp(line, "user_left")) st->user_left = (ULONG)strtoul(v, NULL, 10);
        else if (!strcmp(line, "admin_max")) st->admin_max = (ULONG)strtoul(v, NULL, 10);
        else if (!strcmp(line, "admin_left")) st->admin_left = (ULONG)strtoul(v, NULL, 10);
        else if (!strcmp(line, "user_default")) st->user_default = atoi(v);
        else if (!strcmp(line, "container") && st->ncont < MAX_CONTAINERS) {
            c = &st->cont[st->ncont++];
            copy_text(c->name, sizeof(c->name), v);
        } else if (c && !strcmp(line, "c.type")) c->type = (ULONG)strtoul(v, NULL, 10);
        else if (c && !strcmp(line, "c.key")) unhex(v, c->key, MAX_KEY_DER, &c->key_len);
        else if (c && !strcmp(line, "c.cert")) unhex(v, c->cert, MAX_CERT, &c->cert_len);
    }
    fclose(f);
    return st->app[0] != 0;
}

static int save_state(const char *dir, const char *name, const State *st)
{
    char path[MAX_PATH_LEN], tmp[MAX_PATH_LEN + 8];
    FILE *f;
    int ok;
    if (!device_path(dir, name, ".skf", path)) return 0;
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    f = fopen(tmp, "w");
    if (!f) return 0;
    fprintf(f, "label=%s\nserial=%s\nmanufacturer=%s\napp=%s\n", st->label, st->serial,
            st->manufacturer, st->app);
    puthex(f, "user_salt", st->user_salt, 16);
    puthex(f, "user_hash", st->user_hash, 32);
    puthex(f, "admin_salt", st->admin_salt, 16);
    puthex(f, "admin_hash", st->admin_hash, 32);
    fprintf(f, "user_max=%u\nuser_left=%u\nadmin_max=%u\nadmin_left=%u\nuser_default=%d\n",
            st->user_max, st->user_left, st->admin_max, st->admin_left, st->user_default);
    for (int i = 0; i < st->ncont; i++) {
        const Container *c = &st->cont[i];
        fprintf(f, "container=%s\nc.type=%u\n", c->name, c->type);
        if (c->key_len) puthex(f, "c.key", c->key, c->key_len);
        if (c->cert_len) puthex(f, "c.cert", c->cert, c->cert_len);
    }
    ok = fflush(f) == 0;
#ifndef _WIN32
    ok = ok && fsync(fileno(f)) == 0;
#endif
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        remove(tmp);
        return 0;
    }
#ifdef _WIN32
    return MoveFileExA(tmp, path, MOVEFILE_REPLACE_EXISTING) != 0;
#else
    return rename(tmp, path) == 0;
#endif
}

/* ---- PINs ------------------------------------------------------------------------------- */

static int pin_hash(const BYTE *salt, const char *pin, BYTE *out)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned int n = 0;
    int ok = md && EVP_DigestInit_ex(md, EVP_sm3(), NULL) && EVP_DigestUpdate(md, salt, 16)
             && EVP_DigestUpdate(md, pin, strlen(pin)) && EVP_DigestFinal_ex(md, out, &n);
    EVP_MD_CTX_free(md);
    return ok && n == 32;
}

static int set_pin(BYTE *salt, BYTE *hash, const char *pin)
{
    return RAND_bytes(salt, 16) == 1 && pin_hash(salt, pin, hash);
}

static int pin_matches(const BYTE *salt, const BYTE *hash, const char *pin)
{
    BYTE h[32];
    int ok = pin_hash(salt, pin, h) && CRYPTO_memcmp(h, hash, 32) == 0;
    OPENSSL_cleanse(h, sizeof(h));
    return ok;
}

static int pin_len_ok(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    return n >= MIN_PIN && n <= MAX_PIN;
}

/* ---- handles ---------------------------------------------------------------------------- */

enum { H_FREE = 0, H_DEV, H_APP, H_CONT };

typedef struct {
    int kind;
    char dir[MAX_PATH_LEN];
    char dev[MAX_NAME + 1];
    char cont[MAX_NAME + 1];
    int app; /* for containers: the application handle index */
    int devh; /* for applications and containers: the device handle index they came from */
    int logged_in;
} Obj;

static Obj objs[MAX_HANDLES];

#ifdef _WIN32
static CRITICAL_SECTION lock_cs;
static volatile LONG lock_ready = 0;
static void lock(void)
{
    if (InterlockedCompareExchange(&lock_ready, 1, 0) == 0) InitializeCriticalSection(&lock_cs);
    EnterCriticalSection(&lock_cs);
}
static void unlock(void) { LeaveCriticalSection(&lock_cs); }
#else
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static void lock(void) { pthread_mutex_lock(&mutex); }
static void unlock(void) { pthread_mutex_unlock(&mutex); }
#endif

#define HANDLE_BASE 0x5F00

static HANDLE new_handle(int kind, const char *dir, const char *dev)
{
    for (int i = 0; i < MAX_HANDLES; i++) {
        if (objs[i].kind == H_FREE) {
            memset(&objs[i], 0, sizeof(objs[i]));
            objs[i].kind = kind;
            copy_text(objs[i].dir, sizeof(objs[i].dir), dir);
            copy_text(objs[i].dev, sizeof(objs[i].dev), dev);
            return (HANDLE)(uintptr_t)(HANDLE_BASE + i);
        }
    }
    return NULL;
}

static Obj *get(HANDLE h, int kind)
{
    uintptr_t v = (uintptr_t)h;
    if (v < HANDLE_BASE || v >= HANDLE_BASE + MAX_HANDLES) return NULL;
    if (objs[v - HANDLE_BASE].kind != kind) return NULL;
    return &objs[v - HANDLE_BASE];
}

static int index_of(HANDLE h) { return (int)((uintptr_t)h - HANDLE_BASE); }

/* Resolve a handle, check the device is still there, and load its state. */
static ULONG open_obj(HANDLE h, int kind, Obj **obj, State *st)
{
    *obj = get(h, kind);
    if (!*obj) return SAR_INVALIDHANDLEERR;
    if (is_removed((*obj)->dir, (*obj)->dev)) return SAR_DEVICE_REMOVED;
    if (!load_state((*obj)->dir, (*obj)->dev, st)) return SAR_FILEERR;
    return SAR_OK;
}

static Container *find_container(State *st, const char *name)
{
    for (int i = 0; i < st->ncont; i++)
        if (!strcmp(st->cont[i].name, name)) return &st->cont[i];
    return NULL;
}

/* A multi-string "a\0b\0\0" into buf (NULL: size only). */
static ULONG put_list(const char **names, int n, LPSTR buf, ULONG *size)
{
    ULONG need = 1;
    for (int i = 0; i < n; i++) need += (ULONG)strlen(names[i]) + 1;
    if (n == 0) need = 2;
    if (!size) return SAR_INVALIDPARAMERR;
    if (!buf) {
        *size = need;
        return SAR_OK;
    }
    if (*size < need) {
        *size = need;
        return SAR_BUFFER_TOO_SMALL;
    }
    memset(buf, 0, need);
    for (int i = 0, pos = 0; i < n; i++) {
        strcpy(buf + pos, names[i]);
        pos += (int)strlen(names[i]) + 1;
    }
    *size = need;
    return SAR_OK;
}

/* ---- SM2 ---------------------------------------------------------------------------------- */

static EVP_PKEY *load_key(const Container *c)
{
    const unsigned char *p = c->key;
    EVP_PKEY *pk = d2i_AutoPrivateKey(NULL, &p, (long)c->key_len);
    if (pk && !EVP_PKEY_is_a(pk, "SM2")) { /* never sign ECDSA with an SM2 key */
        EVP_PKEY_free(pk);
        return NULL;
    }
    return pk;
}

static int public_blob(EVP_PKEY *pk, ECCPUBLICKEYBLOB *blob)
{
    unsigned char pt[65];
    size_t n = 0;
    if (!EVP_PKEY_get_octet_string_param(pk, OSSL_PKEY_PARAM_PUB_KEY, pt, sizeof(pt), &n)
        || n != 65 || pt[0] != 4)
        return 0;
    memset(blob, 0, sizeof(*blob));
    blob->BitLen = 256;
    memcpy(blob->XCoordinate + 32, pt + 1, 32); /* right-aligned in the 64-byte field */
    memcpy(blob->YCoordinate + 32, pt + 33, 32);
    return 1;
}

/* ---- the SKF entry points ------------------------------------------------------------------ */

EXPORT ULONG DEVAPI SKF_EnumDev(BOOL bPresent, LPSTR szNameList, ULONG *pulSize)
{
    const char *dir = state_dir();
    const char *names[64];
    static char found[64][MAX_NAME + 1];
    int n = 0;
    ULONG rv;
    (void)bPresent;
    lock();
    if (dir) {
        /* Device names are listed in the directory's "devices" index so no directory
         * walking (and no platform-specific readdir) is needed. */
        char idx[MAX_PATH_LEN];
        FILE *f;
        snprintf(idx, sizeof(idx), "%s/devices", dir);
        f = fopen(idx, "r");
        if (f) {
            char line[256];
            while (n < 64 && fgets(line, sizeof(line), f)) {
                line[strcspn(line, "\r\n")] = 0;
                if (!*line || is_removed(dir, line)) continue;
                copy_text(found[n], sizeof(found[n]), line);
                names[n] = found[n];
                n++;
            }
            fclose(f);
        }
    }
    rv = put_list(names, n, szNameList, pulSize);
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ConnectDev(LPSTR szName, DEVHANDLE *phDev)
{
    const char *dir = state_dir();
    State st;
    ULONG rv = SAR_OK;
    if (!szName || !phDev) return SAR_INVALIDPARAMERR;
    lock();
    if (!dir || is_removed(dir, szName)) rv = SAR_DEVICE_REMOVED;
    else if (!load_state(dir, szName, &st)) rv = SAR_FILEERR;
    else if (!(*phDev = new_handle(H_DEV, dir, szName))) rv = SAR_FAIL;
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_DisConnectDev(DEVHANDLE hDev)
{
    Obj *o;
    lock();
    o = get(hDev, H_DEV);
    if (o) {
        /* its own applications and containers go too (not those of another connection to the
           same device: another program or thread may be using it) */
        int idx = index_of(hDev);
        for (int i = 0; i < MAX_HANDLES; i++)
            if (objs[i].kind != H_FREE && objs[i].kind != H_DEV && objs[i].devh == idx)
                objs[i].kind = H_FREE;
        o->kind = H_FREE;
    }
    unlock();
    return o ? SAR_OK : SAR_INVALIDHANDLEERR;
}

EXPORT ULONG DEVAPI SKF_GetDevState(LPSTR szDevName, ULONG *pulDevState)
{
    const char *dir = state_dir();
    if (!szDevName || !pulDevState) return SAR_INVALIDPARAMERR;
    lock();
    *pulDevState = (dir && !is_removed(dir, szDevName)) ? DEV_PRESENT_STATE : DEV_ABSENT_STATE;
    unlock();
    return SAR_OK;
}

EXPORT ULONG DEVAPI SKF_GetDevInfo(DEVHANDLE hDev, DEVINFO *pDevInfo)
{
    Obj *o;
    State st;
    ULONG rv;
    if (!pDevInfo) return SAR_INVALIDPARAMERR;
    lock();
    rv = open_obj(hDev, H_DEV, &o, &st);
    if (rv == SAR_OK) {
        memset(pDevInfo, 0, sizeof(*pDevInfo));
        pDevInfo->Version.major = 1;
        copy_text(pDevInfo->Manufacturer, sizeof(pDevInfo->Manufacturer), st.manufacturer);
        copy_text(pDevInfo->Issuer, sizeof(pDevInfo->Issuer), "cgn-seal-desktop softskf");
        copy_text(pDevInfo->Label, sizeof(pDevInfo->Label), st.label);
        copy_text(pDevInfo->SerialNumber, sizeof(pDevInfo->SerialNumber), st.serial);
        pDevInfo->HWVersion.major = 1;
        pDevInfo->FirmwareVersion.major = 1;
        pDevInfo->AlgAsymCap = SGD_SM2_1;
        pDevInfo->AlgHashCap = 1; /* SGD_SM3 */
        pDevInfo->TotalSpace = 65536;
        pDevInfo->FreeSpace = 32768;
        pDevInfo->MaxECCBufferSize = 1024;
        pDevInfo->MaxBufferSize = 1024;
    }
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_EnumApplication(DEVHANDLE hDev, LPSTR szAppName, ULONG *pulSize)
{
    Obj *o;
    State st;
    ULONG rv;
    const char *names[1];
    lock();
    rv = open_obj(hDev, H_DEV, &o, &st);
    if (rv == SAR_OK) {
        names[0] = st.app;
        rv = put_list(names, 1, szAppName, pulSize);
    }
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_OpenApplication(DEVHANDLE hDev, LPSTR szAppName,
                                        HAPPLICATION *phApplication)
{
    Obj *o;
    State st;
    ULONG rv;
    if (!szAppName || !phApplication) return SAR_INVALIDPARAMERR;
    lock();
    rv = open_obj(hDev, H_DEV, &o, &st);
    if (rv == SAR_OK && strcmp(st.app, szAppName) != 0) rv = SAR_APPLICATION_NOT_EXISTS;
    if (rv == SAR_OK && !(*phApplication = new_handle(H_APP, o->dir, o->dev))) rv = SAR_FAIL;
    if (rv == SAR_OK) get(*phApplication, H_APP)->devh = index_of(hDev);
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_CloseApplication(HAPPLICATION hApplication)
{
    Obj *o;
    lock();
    o = get(hApplication, H_APP);
    if (o) {
        int idx = index_of(hApplication);
        for (int i = 0; i < MAX_HANDLES; i++)
            if (objs[i].kind == H_CONT && objs[i].app == idx) objs[i].kind = H_FREE;
        o->kind = H_FREE;
    }
    unlock();
    return o ? SAR_OK : SAR_INVALIDHANDLEERR;
}

EXPORT ULONG DEVAPI SKF_GetPINInfo(HAPPLICATION hApplication, ULONG ulPINType,
                                   ULONG *pulMaxRetryCount, ULONG *pulRemainRetryCount,
                                   BOOL *pbDefaultPin)
{
    Obj *o;
    State st;
    ULONG rv;
    if (!pulMaxRetryCount || !pulRemainRetryCount || !pbDefaultPin) return SAR_INVALIDPARAMERR;
    if (ulPINType != USER_TYPE && ulPINType != ADMIN_TYPE) return SAR_USER_TYPE_INVALID;
    lock();
    rv = open_obj(hApplication, H_APP, &o, &st);
    if (rv == SAR_OK) {
        int user = ulPINType == USER_TYPE;
        *pulMaxRetryCount = user ? st.user_max : st.admin_max;
        *pulRemainRetryCount = user ? st.user_left : st.admin_left;
        *pbDefaultPin = user ? st.user_default : 0;
    }
    unlock();
    return rv;
}

/* Check *pin* against the PIN of *type*, counting a wrong try; SAR_OK when it matches. */
static ULONG check_pin(Obj *o, State *st, ULONG type, const char *pin, ULONG *retry)
{
    int user = type == USER_TYPE;
    ULONG *left = user ? &st->user_left : &st->admin_left;
    ULONG max = user ? st->user_max : st->admin_max;
    if (*left == 0) {
        *retry = 0;
        return SAR_PIN_LOCKED;
    }
    if (pin && pin_matches(user ? st->user_salt : st->admin_salt,
                           user ? st->user_hash : st->admin_hash, pin)) {
        *left = max;
        *retry = max;
        return save_state(o->dir, o->dev, st) ? SAR_OK : SAR_FILEERR;
    }
    (*left)--;
    *retry = *left;
    if (!save_state(o->dir, o->dev, st)) return SAR_FILEERR;
    o->logged_in = 0;
    return SAR_PIN_INCORRECT;
}

EXPORT ULONG DEVAPI SKF_VerifyPIN(HAPPLICATION hApplication, ULONG ulPINType, LPSTR szPIN,
                                  ULONG *pulRetryCount)
{
    Obj *o;
    State st;
    ULONG rv, retry = 0;
    if (ulPINType != USER_TYPE && ulPINType != ADMIN_TYPE) return SAR_USER_TYPE_INVALID;
    lock();
    rv = open_obj(hApplication, H_APP, &o, &st);
    if (rv == SAR_OK) {
        rv = check_pin(o, &st, ulPINType, szPIN, &retry);
        if (rv == SAR_OK && ulPINType == USER_TYPE) o->logged_in = 1;
        if (pulRetryCount) *pulRetryCount = retry;
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ChangePIN(HAPPLICATION hApplication, ULONG ulPINType, LPSTR szOldPin,
                                  LPSTR szNewPin, ULONG *pulRetryCount)
{
    Obj *o;
    State st;
    ULONG rv, retry = 0;
    if (ulPINType != USER_TYPE && ulPINType != ADMIN_TYPE) return SAR_USER_TYPE_INVALID;
    lock();
    rv = open_obj(hApplication, H_APP, &o, &st);
    if (rv == SAR_OK) {
        int user = ulPINType == USER_TYPE;
        ULONG left = user ? st.user_left : st.admin_left;
        if (left == 0) rv = SAR_PIN_LOCKED;
        else if (!pin_len_ok(szNewPin)) { /* refused before the old PIN is tried */
            rv = SAR_PIN_LEN_RANGE;
            retry = left;
        } else {
            rv = check_pin(o, &st, ulPINType, szOldPin, &retry);
            if (rv == SAR_OK) {
                int ok = user ? set_pin(st.user_salt, st.user_hash, szNewPin)
                              : set_pin(st.admin_salt, st.admin_hash, szNewPin);
                if (user) st.user_default = 0;
                rv = (ok && save_state(o->dir, o->dev, &st)) ? SAR_OK : SAR_FILEERR;
            }
        }
        if (pulRetryCount) *pulRetryCount = retry;
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ClearSecureState(HAPPLICATION hApplication)
{
    Obj *o;
    lock();
    o = get(hApplication, H_APP);
    if (o) o->logged_in = 0;
    unlock();
    return o ? SAR_OK : SAR_INVALIDHANDLEERR;
}

EXPORT ULONG DEVAPI SKF_EnumContainer(HAPPLICATION hApplication, LPSTR szContainerName,
                                      ULONG *pulSize)
{
    Obj *o;
    State st;
    ULONG rv;
    const char *names[MAX_CONTAINERS];
    lock();
    rv = open_obj(hApplication, H_APP, &o, &st);
    if (rv == SAR_OK) {
        for (int i = 0; i < st.ncont; i++) names[i] = st.cont[i].name;
        rv = put_list(names, st.ncont, szContainerName, pulSize);
    }
    unlock();
    return rv;
}

static ULONG open_container(HAPPLICATION hApplication, LPSTR name, HCONTAINER *ph, int create)
{
    Obj *o;
    State st;
    ULONG rv;
    if (!name || !ph) return SAR_INVALIDPARAMERR;
    if (!*name || strlen(name) > MAX_NAME) return SAR_NAMELENERR;
    lock();
    rv = open_obj(hApplication, H_APP, &o, &st);
    if (rv == SAR_OK && create) {
        if (!o->logged_in) rv = SAR_USER_NOT_LOGGED_IN;
        else if (find_container(&st, name)) rv = SAR_FILE_ALREADY_EXIST;
        else if (st.ncont >= MAX_CONTAINERS) rv = SAR_REACH_MAX_CONTAINER_COUNT;
        else {
            Container *c = &st.cont[st.ncont++];
            memset(c, 0, sizeof(*c));
            copy_text(c->name, sizeof(c->name), name);
            if (!save_state(o->dir, o->dev, &st)) rv = SAR_FILEERR;
        }
    } else if (rv == SAR_OK && !find_container(&st, name)) {
        rv = SAR_FILE_NOT_EXIST;
    }
    if (rv == SAR_OK) {
        int app = index_of(hApplication);
        HANDLE h = new_handle(H_CONT, o->dir, o->dev);
        if (!h) rv = SAR_FAIL;
        else {
            Obj *c = get(h, H_CONT);
            c->app = app;
            c->devh = objs[app].devh;
            copy_text(c->cont, sizeof(c->cont), name);
            *ph = h;
        }
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_CreateContainer(HAPPLICATION hApplication, LPSTR szContainerName,
                                        HCONTAINER *phContainer)
{
    return open_container(hApplication, szContainerName, phContainer, 1);
}

EXPORT ULONG DEVAPI SKF_OpenContainer(HAPPLICATION hApplication, LPSTR szContainerName,
                                      HCONTAINER *phContainer)
{
    return open_container(hApplication, szContainerName, phContainer, 0);
}

EXPORT ULONG DEVAPI SKF_CloseContainer(HCONTAINER hContainer)
{
    Obj *o;
    lock();
    o = get(hContainer, H_CONT);
    if (o) o->kind = H_FREE;
    unlock();
    return o ? SAR_OK : SAR_INVALIDHANDLEERR;
}

/* Resolve a container handle: its object, its application's login state, its record. */
static ULONG open_cont(HCONTAINER h, Obj **o, State *st, Container **c, int *logged_in)
{
    ULONG rv = open_obj(h, H_CONT, o, st);
    Obj *app;
    if (rv != SAR_OK) return rv;
    app = &objs[(*o)->app];
    if (app->kind != H_APP) return SAR_INVALIDHANDLEERR;
    *logged_in = app->logged_in;
    *c = find_container(st, (*o)->cont);
    return *c ? SAR_OK : SAR_FILE_NOT_EXIST;
}

EXPORT ULONG DEVAPI SKF_GetContainerType(HCONTAINER hContainer, ULONG *pulContainerType)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    if (!pulContainerType) return SAR_INVALIDPARAMERR;
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK) *pulContainerType = c->type;
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ImportCertificate(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbCert,
                                          ULONG ulCertLen)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    if (!pbCert || !ulCertLen) return SAR_INVALIDPARAMERR;
    if (!bSignFlag) return SAR_NOTSUPPORTYETERR; /* one signing key pair per container here */
    if (ulCertLen > MAX_CERT) return SAR_INDATALENERR;
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK && !in) rv = SAR_USER_NOT_LOGGED_IN;
    if (rv == SAR_OK) {
        memcpy(c->cert, pbCert, ulCertLen);
        c->cert_len = ulCertLen;
        if (!save_state(o->dir, o->dev, &st)) rv = SAR_FILEERR;
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ExportCertificate(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbCert,
                                          ULONG *pulCertLen)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    if (!pulCertLen) return SAR_INVALIDPARAMERR;
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK && (!bSignFlag || c->cert_len == 0)) rv = SAR_CERTNOTFOUNTERR;
    if (rv == SAR_OK) {
        if (pbCert && *pulCertLen < c->cert_len) rv = SAR_BUFFER_TOO_SMALL;
        else if (pbCert) memcpy(pbCert, c->cert, c->cert_len);
        *pulCertLen = (ULONG)c->cert_len;
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_GenECCKeyPair(HCONTAINER hContainer, ULONG ulAlgId,
                                      ECCPUBLICKEYBLOB *pBlob)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    EVP_PKEY *pk = NULL;
    if (!pBlob) return SAR_INVALIDPARAMERR;
    if (ulAlgId != SGD_SM2_1) return SAR_NOTSUPPORTYETERR;
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK && !in) rv = SAR_USER_NOT_LOGGED_IN;
    if (rv == SAR_OK) {
        unsigned char *der = NULL;
        size_t len = 0;
        OSSL_ENCODER_CTX *ectx = NULL;
        pk = EVP_PKEY_Q_keygen(NULL, NULL, "SM2");
        if (pk)
            ectx = OSSL_ENCODER_CTX_new_for_pkey(pk, EVP_PKEY_KEYPAIR, "DER", "PrivateKeyInfo",
                                                 NULL);
        if (!ectx || !OSSL_ENCODER_to_data(ectx, &der, &len) || len > MAX_KEY_DER
            || !public_blob(pk, pBlob)) {
            rv = SAR_FAIL;
        } else {
            memcpy(c->key, der, len);
            c->key_len = len;
            c->type = 2;
            c->cert_len = 0; /* a new key pair makes the old certificate meaningless */
            if (!save_state(o->dir, o->dev, &st)) rv = SAR_FILEERR;
        }
        if (der) {
            OPENSSL_cleanse(der, len);
            OPENSSL_free(der);
        }
        OSSL_ENCODER_CTX_free(ectx);
        EVP_PKEY_free(pk);
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ExportPublicKey(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbBlob,
                                        ULONG *pulBlobLen)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    if (!pulBlobLen) return SAR_INVALIDPARAMERR;
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK && (!bSignFlag || c->key_len == 0)) rv = SAR_KEYNOTFOUNTERR;
    if (rv == SAR_OK) {
        ECCPUBLICKEYBLOB blob;
        EVP_PKEY *pk = load_key(c);
        if (!pk || !public_blob(pk, &blob)) rv = SAR_FAIL;
        else if (pbBlob && *pulBlobLen < sizeof(blob)) rv = SAR_BUFFER_TOO_SMALL;
        else if (pbBlob) memcpy(pbBlob, &blob, sizeof(blob));
        *pulBlobLen = sizeof(blob);
        EVP_PKEY_free(pk);
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

EXPORT ULONG DEVAPI SKF_ECCSignData(HCONTAINER hContainer, BYTE *pbDigest, ULONG ulDigestLen,
                                    ECCSIGNATUREBLOB *pSignature)
{
    Obj *o;
    State st;
    Container *c;
    int in;
    ULONG rv;
    if (!pbDigest || !pSignature) return SAR_INVALIDPARAMERR;
    if (ulDigestLen != 32) return SAR_INDATALENERR; /* e = SM3(Z || M), computed by the caller */
    lock();
    rv = open_cont(hContainer, &o, &st, &c, &in);
    if (rv == SAR_OK && !in) rv = SAR_USER_NOT_LOGGED_IN;
    if (rv == SAR_OK && (c->type != 2 || c->key_len == 0)) rv = SAR_KEYNOTFOUNTERR;
    if (rv == SAR_OK) {
        EVP_PKEY *pk = load_key(c);
        EVP_PKEY_CTX *ctx = pk ? EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL) : NULL;
        unsigned char der[128];
        size_t len = sizeof(der);
        ECDSA_SIG *sig = NULL;
        const unsigned char *p = der;
        rv = SAR_FAIL;
        /* The SM2 signature provider signs tbs as the digest e itself. */
        if (ctx && EVP_PKEY_sign_init(ctx) == 1
            && EVP_PKEY_sign(ctx, der, &len, pbDigest, ulDigestLen) == 1
            && (sig = d2i_ECDSA_SIG(NULL, &p, (long)len)) != NULL) {
            memset(pSignature, 0, sizeof(*pSignature));
            if (BN_bn2binpad(ECDSA_SIG_get0_r(sig), pSignature->r + 32, 32) == 32
                && BN_bn2binpad(ECDSA_SIG_get0_s(sig), pSignature->s + 32, 32) == 32)
                rv = SAR_OK;
        }
        ECDSA_SIG_free(sig);
        EVP_PKEY_CTX_free(ctx);
        EVP_PKEY_free(pk);
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}

/* ---- not SKF: personalisation ---------------------------------------------------------------- */

/*
 * Create (or reset) device *name* in SOFTSKF_DIR with one application *app*, no container, the
 * given PINs and retry limit, and list it in the directory's "devices" index.
 */
EXPORT ULONG DEVAPI SOFTSKF_InitDevice(const char *name, const char *label, const char *serial,
                                       const char *app, const char *user_pin,
                                       const char *admin_pin, ULONG max_retries)
{
    const char *dir = state_dir();
    char idx[MAX_PATH_LEN], line[256], path[MAX_PATH_LEN];
    State st;
    FILE *f;
    int listed = 0;
    ULONG rv = SAR_OK;
    if (!dir) return SAR_FILEERR;
    if (!name || !label || !serial || !app || !*app || strlen(app) > MAX_NAME
        || !device_path(dir, name, ".skf", path))
        return SAR_INVALIDPARAMERR;
    if (!pin_len_ok(user_pin) || !pin_len_ok(admin_pin)) return SAR_PIN_LEN_RANGE;
    if (max_retries < 1 || max_retries > 15) return SAR_INVALIDPARAMERR;
    lock();
    memset(&st, 0, sizeof(st));
    copy_text(st.label, sizeof(st.label), label);
    copy_text(st.serial, sizeof(st.serial), serial);
    copy_text(st.manufacturer, sizeof(st.manufacturer), "cgn-seal-desktop");
    copy_text(st.app, sizeof(st.app), app);
    st.user_max = st.user_left = max_retries;
    st.admin_max = st.admin_left = 10;
    st.user_default = 1;
    if (!set_pin(st.user_salt, st.user_hash, user_pin)
        || !set_pin(st.admin_salt, st.admin_hash, admin_pin) || !save_state(dir, name, &st))
        rv = SAR_FILEERR;
    snprintf(idx, sizeof(idx), "%s/devices", dir);
    f = fopen(idx, "r");
    if (f) {
        while (fgets(line, sizeof(line), f)) {
            line[strcspn(line, "\r\n")] = 0;
            if (!strcmp(line, name)) listed = 1;
        }
        fclose(f);
    }
    if (rv == SAR_OK && !listed) {
        f = fopen(idx, "a");
        if (!f || fprintf(f, "%s\n", name) < 0) rv = SAR_FILEERR;
        if (f && fclose(f) != 0) rv = SAR_FILEERR;
    }
    OPENSSL_cleanse(&st, sizeof(st));
    unlock();
    return rv;
}
