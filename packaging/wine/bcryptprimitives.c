/* Stand-in for Windows' bcryptprimitives.dll, which Wine 8.0 lacks: Rust's standard library
 * (cryptography, pydantic_core) takes its random bytes from ProcessPrng. Built by
 * packaging/wine-smoke.sh with mingw into the private Wine prefix's system32 only; it must never
 * enter the bundle (the script checks). Real Windows has the real DLL since Windows 8. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
