#ifndef QUERYHUB_COPENSSL_SHIM_H
#define QUERYHUB_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/err.h>
#include <openssl/ec.h>
#include <openssl/bio.h>
#endif
