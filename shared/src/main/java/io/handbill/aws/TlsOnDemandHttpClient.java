package io.handbill.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Duration;

/**
 * The url-connection client, with TLS set up only when a request goes over https: the SDK's client builds its TLS
 * context (the JDK's trust store, some 350 classes) as it is constructed, which a function talking plain http to a
 * local emulator never uses. Requests to https endpoints — every AWS one — go through that same SDK client, built on
 * the first of them; SnapStart's priming request builds it before the snapshot, as it did before.
 */
final class TlsOnDemandHttpClient implements SdkHttpClient {
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final SdkHttpClient plain;
    private volatile SdkHttpClient tls;

    TlsOnDemandHttpClient(Duration connectTimeout, Duration socketTimeout) {
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        // what the SDK client does for a plain http URL, without its TLS context
        this.plain = UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout((int) connectTimeout.toMillis());
                connection.setReadTimeout((int) socketTimeout.toMillis());
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return ("https".equals(request.httpRequest().protocol()) ? tls() : plain).prepareRequest(request);
    }

    private SdkHttpClient tls() {
        SdkHttpClient client = tls;
        if (client == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout)
                            .socketTimeout(socketTimeout).build();
                }
                client = tls;
            }
        }
        return client;
    }

    /** Whether a request has gone over https yet. */
    boolean tlsSetUp() {
        return tls != null;
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public void close() {
        plain.close();
        if (tls != null) {
            tls.close();
        }
    }
}
