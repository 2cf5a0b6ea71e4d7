// mTLS client.
