// The hub: registry, router, control ledger, instruction lifecycle, stores.
