package io.ysql.internal.tls;

/**
 * Throwaway keys written by OpenSSL 3.0 (the commands are given with each), kept as text so the
 * tests check what the real tool writes without needing it installed. They protect nothing.
 */
final class OpenSslKeys {
    static final String PASSPHRASE = "correct horse";

    private OpenSslKeys() {}

    /** SEC1 EC P-256 key: openssl ecparam -name prime256v1 -genkey -noout. */
    static final String EC_SEC1 = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIKCgeM56mP4+AkS/BKlN4NbrQdJAsWw+17cAVL/7z/3AoAoGCCqGSM49
            AwEHoUQDQgAEklSqUSaXjoVrSVCcEz0m4ipQuChO7nm+5r7tyLDqC8B0zkQ5mao2
            dxYUUktsLCxhkMiKwHwmz2Mekrq7bBNb3g==
            -----END EC PRIVATE KEY-----
            """;

    /** the public half of EC_SEC1: openssl ec -pubout. */
    static final String EC_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEklSqUSaXjoVrSVCcEz0m4ipQuChO
            7nm+5r7tyLDqC8B0zkQ5mao2dxYUUktsLCxhkMiKwHwmz2Mekrq7bBNb3g==
            -----END PUBLIC KEY-----
            """;

    /** EC_SEC1 as encrypted PKCS#8: openssl pkcs8 -topk8 -v2 aes-256-cbc, passphrase PASSPHRASE. */
    static final String EC_ENCRYPTED = """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgS9a3n5qK72gICCAAw
            DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEENEuCiIrBe5SMn6MATtpn/sEgZDB
            NX2mFlGuHeso1POS9DXHEIs73ldeE2hfQfw7aY93IZnc7kHBO06QMH/ydz6U3AaY
            DejfZ3JbJIiuXwISt9G12g7oP8iXR8Wd6yE1gvkzp05PZ18k5ogutMTzC780dn2Y
            pztetglaMc34CxXI/PhT2kUYGFzxD14aZhUboF3PdT7E0Gv/kSokVd8GMRU6yPE=
            -----END ENCRYPTED PRIVATE KEY-----
            """;

    /** a P-384 key after its EC PARAMETERS block: openssl ecparam -name secp384r1 -genkey. */
    static final String EC384_WITH_PARAMETERS = """
            -----BEGIN EC PARAMETERS-----
            BgUrgQQAIg==
            -----END EC PARAMETERS-----
            -----BEGIN EC PRIVATE KEY-----
            MIGkAgEBBDD8vAYZDfY/q2vUarH6zTnpatzGI1/5T/XikNYDYsPzKt/RvgiA0AIP
            k4ZRk5eeOVqgBwYFK4EEACKhZANiAAQMQFbRzJN+yzTWAqL23VlGW6FBBSQ8tRnu
            BbwF3IrvnsLX+HH+uEN857f76HvUhcK6yAP4sgo/opxDbwWb3xPggcSbwTZbFVc6
            tMhYYpItCA/WA7wIQSoDCDmi3aE+qn4=
            -----END EC PRIVATE KEY-----
            """;

    /** PKCS#1 RSA 2048 key: openssl genrsa -traditional 2048. */
    static final String RSA_PKCS1 = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIEpAIBAAKCAQEAntX3ckwWxLhbyP6fLUo36lMFA619HwsjfYqHjnmpUVRDSPpi
            qklNTUBqNt/VKnJaduSteARnRH4euHDKq9YnNFbZvgIEKheKasoGbkDlpxSWGqXP
            uHP4yOsHZg2YBlI1H+lgmFzZVVu3HT/KUajh4RWRxViPVMp/QgwELxmPWKz15nQa
            sXdxJYRp3FSrlxrMpWnw0bG9qzyox6wDqAvkcoQSpuWoPhuJLf67B1MwT4OcarCG
            RDtuu/0X7sC7/nvRglj4yak4ujB5C/m8hjHNLTf4vIl8FzXsRqFyFUHY7eacQ3sI
            sohqrom7oS+bdehrF1LVEpixYcsVGeb+Ip/WCwIDAQABAoIBAAWjxUh6qShM/31Q
            hShfhUK9teTeiR3MEHOJsqx9Z2Sq4ES8FzrCpYsDqYHPSstaChpEnmAvj9cfv0l/
            P8MANJ4oI00a1zkDYvfNupK5nS3kjjvd/VUoUQIZTkbyXp6C1r4OVE60pUbhncvd
            Evr5SyPp1yYxsc0p74DR2mgtuShF1YexKh4nv5kIsxlRHW0KEwyLUl70tQzOW4VX
            hLxqBMcZB2d5+m8/yJvYwBkp4mtm7M3YN/xvVBze5FkDfzJQQllOPKGq+M6LxlOI
            aKK7OpNmlRxk5wD5vsrBp8y+9NEE4Acp5YwbwLSEzK/2LCGloEqyWSlAHdOTCQJU
            TZbRN9ECgYEA3T0ZGIuYoW2+Bd6soud7ld4HLEgx3n9s+vKeCPtulCCk3N64tf3U
            +DDzn4U7cKF6JAnRNuAYJ7PaLWs3Sbi9WTGkUmetdArxHhfvBSgjr+5Fkm54s2zY
            2xNiLgnQLoYUXKRmIXokPME6RuGeKkxoql6pjQ8GoT2xsGk48abMiFkCgYEAt8rV
            QO4bySQa3anNk52GV2J2lFInh9/bhkK7rlUuZk9AvH38HEBAa9hCczKqVO+RF+wl
            aC6jDVz0r8b97Umng7HIWWJbbWMqIwhsY6HWhiEBhm5oa5umQFcsD/bl/1aVS9Qd
            vGy5dbxMkrK2ST9O6fDOs4pqcy/GmXTMa9oEhQMCgYEA0Rlu/7DomCI1yCx2dB1e
            w/2uP98YKxe6c9AdJ5YkJCJaT1q9r1xyDgWOLMXqsQAdhbQ1pazVh6jH28eK4MWX
            SJbPnQbafGPfEjdCtFgEqsIDxWtd7w9AQoamc6bYuTAGTK0gziE34KgsIVQafhXr
            kqKXk3eRJ5I8v+QjatngVDkCgYEAhIfUwx9wFdjdLp41SY67wuOTklyzeL0ptWUF
            pS5zaP8ZNVK7qzuBuMKXGC6euOSPgeqdBsUqeoZfQymBDcyg6MwYJqxQNU7eoah/
            UFDxOoMucFvJHF9+wMKbWV+2ditfOPDaCHd2PLntlZMc8zCdnQAybTEQlcMLuLiK
            d/McczUCgYBlZdMiNCQshoNCrp4Ry/sT9oTuDQi9zjlB/tGUKBPVDZWH1CIRma31
            BJi3wNujqHbcvC72jWQ01RhXZ/wv54GFl7ad9/kTQLLdjr360syMRNdPV5CZcdFs
            knAR3xPkyJTtEfxyfCCpB+/8eG0z9AL3RKxcnaERvqliVN1AQGd9pg==
            -----END RSA PRIVATE KEY-----
            """;

    /** RSA_PKCS1 as encrypted PKCS#8: openssl pkcs8 -topk8 -v2 aes-256-cbc, passphrase PASSPHRASE. */
    static final String RSA_ENCRYPTED = """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIcUElBy1kcTUCAggA
            MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBAgKND62SE8lObNeXcnDPAaBIIE
            0FmCJRAToRw5FNwateSlJ/lQsrZ1pmaCrtbiuh35ziKFHgyoUcL6Xpg5i51vIkjC
            kTLjnlhC7/IHnvFIX29RYzlBf/t0hZ34Z5aG90eBBTKA21BLfjk6vGvjmi8pap0E
            +7ldvJFdgHfpVL/s49lOXGiHkTSPFgCnsFVngApUc4GMwxKxnk+YWH0wAdgqAhHt
            kCrlTxdWJiQgcABTLRcjwTPab0RLQvJl1cyKZkIdgQdmjf7PccOFXN/7ApaxJczp
            pZr38wEhAGE1wZ3UX+f0y8mq6N1PtUgALY9hs/xYYlKoLrpGs41nID4mSX2um3J1
            qMnNgqXHOTHsDSDukBsRfz9fPHzRdlesEJF8hSL+/szCP+Zo3ZojUEW35g4A6FMT
            vRVAU6vX68q4Q5ZzYBbKtTrZbvXD68G9e7c//US/AOf1IhPTDbVDb69mf8gRu0cB
            XbiHQxp1KUpEYiOjoTYtZXWsy05+Xt6oMMiry+NUs6/Z2GWu0YYGLIHbO+atxkBx
            ljfA+BuNNeols+OZ7l0OuijvCRCApVjuj+z6PYxGR04gQwQOcKNDHZo8O8FUi7x2
            XSlsjlT7k9DqgiBjyd6az+Qb/j2PT9NdCEJAqbEensFPpFa6ihPGAhTZI2a/sjcK
            2dwjiyNZjMBrB+V0OSs0y3BhRYgpIRjC7K3Wf5aGPtFcfvm2FJqeJoQAf3ZTsTac
            0f1apxG1Jpyc7BQ8Jv1n5kahA5nm4zSJUircpD6uOM44/aSAbnJdkpDMToTM65Gs
            gq7kJJw6peqAr0KQt1bVC0wjso0GgAh0+jpy+hJszBoFrA0HrhiWnWWqCS22vHtP
            3zY5k0TBpk2eaH9gZRu23oYczK2gSrSUOI7j2fqEL+zk9dMk6z5Wm3rcPzOWoYW3
            Fy84rVhM5qo5Z6wup9dRteaTLnX7O8U72jNhAcP9qO6DNRu2Ru3MGcDJmjEE5efQ
            mymlQpSYEuTKlfvk4AjMG2NpdFwHX5Foaff745TpSA7GJ4gTA0gw33owrXULhUi0
            tXkvjht8mbuN+xkiiJEaCR9TwgeKbEptJqOOB6vD00nHz4RiFMW7uOsFUO1UfNGs
            qJGJJwLctU/nBgeyd9UCjqvBRo/LySjZho/1DQBEbabYzwJ0CAAzEnRXHAt0ebcd
            Qc0Wd10Px94u5v9uRu4/XKumdPJac2i4tIAPCzFpZh0TWCetJrYJoulS8UGUU+dE
            nI8Os2WkMnak8a9ZTzSySqB/Ih87IignbceUgAFXmkyaLlpiw6khuaMRMoibIlEq
            TYdD0H5aRXRu2jLjRBd8tmfAmvSsUb2KLMVYv5qwndNWccyAWmtZRK/PmHyCHAz3
            orKcObnTdT3SryuXZ2eC4Zki4GdZzdF7IJWfJWKRevhG+1TpeG+g40Hs5jLWtZGu
            hnGafzbF2gAaGgWAFcV+z55tYETRzBz0y4Z7RH/M7vgLjst3ImoYGreeOXrBDGj6
            sONJxGcnzyyCIuVfTo7ofchrML3IxXDleJRYALjj3ANxGF92fHUmxhubxQQIivtf
            5uSd9QVpSeGq2s2J9/P6BVTMakuujIam0as1nOInTCmR8vbMkq5qOnWTptQ93uYR
            JzxPXm6+Q1UOlvcou6ziIvhGGqkgaO4GMdBxRn1u2sTq
            -----END ENCRYPTED PRIVATE KEY-----
            """;

    /** RSA_PKCS1 with the legacy OpenSSL encryption: openssl rsa -traditional -aes256. */
    static final String RSA_LEGACY_ENCRYPTED = """
            -----BEGIN RSA PRIVATE KEY-----
            Proc-Type: 4,ENCRYPTED
            DEK-Info: AES-256-CBC,DC3F15FB49F3191519575706CF948386
            
            fKAHzdb9j6wuAcuG/ajYgyShV7bSXKrBfDfrpgZbl1IQfRySh7puvFZGptz6Hk+6
            y7948QCMfCol6JsJoUWaMP9h+HRwDY72XvfbuReZtx+07CJ3Q+d4D5zoECZBTBoh
            GbTkN73gvIQs3+qrHiqkVDkq62fOfilxB/LFRBYqsI7HsjC+nihoXQ9qFYqFr+yZ
            tKknuQ8vHONcxv2NvA/kb+4W9RM9IHc2+vIJm2m60JDsSTTOskQfuZhXhKAFKLyc
            bdeZUe8Esb1Lz9AlXihqNg71ConjNbgx4Ux2z9/xAcYU086F8qtRrW1kGidQAS2y
            DGcmrnnkfen8ZoBTLxr3m9/uJ2x1lW9DLNHdWmJEbhvvoX+m/CpPUWFb0JVhac3M
            pl9B3CfG+ysqo0NpwUp6ROtjMVTBirfstbyir4Ie9XvqmWqLYWXL5NNpo1uAxj1o
            xJDlm7mnmpsge0AFGfYc2sncB3EGkLX2+Yrd24QHd1N+hIYiKUhy9aYKF9pCzQF1
            cEK6/3V9lmxJ2JihJH1P/TP2Kb5yhEP+VBPiKtPLZpwBhGhmSH4rumzNi2bXyIU0
            QUa/HA1iji8d6Kw0zRvNqlfBf06F0ICP5Hk7Gf8w+CmPmTaGuCA+ahZ9W0c3mPET
            j81eomg7NfQQSZJj93sjznvg2pmvVK0N4wUI75TbrfNaKh0tGWf0S1NsaoL6wJP0
            pXFMTIQfCeeu+PnrOL/+4NcdjE6NBc1r41jsLNkFecqe/G/LpB/C2G1GhsRlI4s/
            KjKnPJjmx75tDXNmbSk/9t2EsME+NWO8UWaJSzaxdLvTmEIjFZcltX/zC8T737sH
            QGoAhQi2ymAgjjeyCcKN6/gbxgWcJ4w3uLPJgRZbFsYal3XkGeWMK4lyS+5v8Q+q
            0gMWBr3F0ehK/6VnDI2dU6pYrv+6/LRpyqjAA02d+X0S8XhSqhrOGYkpNz+7VJyo
            izw/Lw04k0x27/Lfv2xgyXMzhA+fFFreHfY6Hgvr/dr+Fn0ds4+vjYUooXllZqLT
            EYY+T7W+xjRwgnB35k3mmVhNSnYLwoGQt2FQ2+k1euTYKuI7RksjmvvvgjccPsel
            7C1lKEtQEhywgvvic+FVpEPTJLGirmytoFGmhVfOHpCDFex6geFZAMnqmEF1c0uS
            gjwGns+wcYwf9eS0JQy+7eNabcGJVO9kmK51JDO+lmMfLqAn6DHCHFe9HVXxsnj2
            ZINCeUVdyCzL3VNOxConCa3NQWDUzdLiYPpZi2BMiT9QyiqwHMZRGirifwZCJypB
            pQ0tzP9s98Nj48OwOVH/jPdnJD85xicP+eEA8IcbTQfF7QRm8GsJirfgzdYv3n32
            ntfkglvalOJWS6zC47B3hQX2+Vkyagoo9YywkseyxnWigoPupkiN55TvHC/RZvoH
            jijqRUD0A2KIwuoFtUTBL87sxNf9t41EzjpUlqn5/J6F6B7W0jQQ2+PwNgKfH9tt
            Y6QkdzRNEwK6nKwHArW8HXR8FxVNajuUidSCWVT1xwZ62GtxmEbD96pkkc9kU8lA
            x3q1cKTheI96VVdIMM42Sv1oVUscoRL8DGHeIm+Ubuqrd/x5tx2ZS4AW/T5e0u1j
            -----END RSA PRIVATE KEY-----
            """;
}
