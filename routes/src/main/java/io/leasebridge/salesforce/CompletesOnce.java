package io.leasebridge.salesforce;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls an endpoint's producer and lets its answer complete the exchange once. camel-salesforce 4.17's Bulk API 2.0
 * client answers an error to a job request (create, read, close, abort) twice: once with the error, then again after
 * trying to read a job out of the error body; without this the route after the call would run twice.
 */
final class CompletesOnce extends AsyncProcessorSupport {

    private final Endpoint endpoint;
    private AsyncProducer producer;

    CompletesOnce(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AtomicBoolean completed = new AtomicBoolean();
        return producer().process(exchange, doneSync -> {
            if (completed.compareAndSet(false, true)) {
                callback.done(doneSync);
            }
        });
    }

    private synchronized AsyncProcessor producer() {
        if (producer == null) {
            try {
                producer = endpoint.createAsyncProducer();
            } catch (Exception e) {
                throw new IllegalStateException("cannot create a producer for " + endpoint.getEndpointUri(), e);
            }
            ServiceHelper.startService(producer);
        }
        return producer;
    }

    @Override
    protected synchronized void doStop() {
        ServiceHelper.stopService(producer);
        producer = null;
    }
}
