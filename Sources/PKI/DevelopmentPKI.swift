// Development PKI.
